"""Correct, written differently: walk the sorted scores counting negatives below each positive."""


def roc_auc(y_true, y_score):
    items = sorted(zip(y_score, y_true, strict=True))
    pos = sum(1 for _, y in items if y == 1)
    neg = len(items) - pos
    if pos == 0 or neg == 0:
        raise ValueError("both classes are needed")
    total = 0.0
    below = 0
    i = 0
    while i < len(items):
        j = i
        group_pos = group_neg = 0
        while j < len(items) and items[j][0] == items[i][0]:
            if items[j][1] == 1:
                group_pos += 1
            else:
                group_neg += 1
            j += 1
        total += group_pos * (below + 0.5 * group_neg)
        below += group_neg
        i = j
    return total / (pos * neg)
