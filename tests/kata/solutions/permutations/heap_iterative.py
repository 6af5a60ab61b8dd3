def permute(nums):
    a = list(nums)
    n = len(a)
    out = [a.copy()]
    c = [0] * n
    i = 1
    while i < n:
        if c[i] < i:
            j = 0 if i % 2 == 0 else c[i]
            a[j], a[i] = a[i], a[j]
            out.append(a.copy())
            c[i] += 1
            i = 1
        else:
            c[i] = 0
            i += 1
    return out
