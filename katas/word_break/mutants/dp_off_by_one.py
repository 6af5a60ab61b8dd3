def word_break(s, word_dict):
    n = len(s)
    dp = [False] * (n + 1)
    dp[0] = True
    for i in range(1, n):
        for word in word_dict:
            k = len(word)
            if k <= i and dp[i - k] and s[i - k : i] == word:
                dp[i] = True
                break
    return dp[n]
