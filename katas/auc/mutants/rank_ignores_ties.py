"""The seed's rank formula (000_86c4d933e545a3f7.txt): wrong when scores tie."""


def roc_auc(y_true, y_score):
    y_true = list(y_true)
    M = sum(y_true)
    N = len(y_true) - M
    if M == 0 or N == 0:
        raise ValueError("only one class")
    ranks = enumerate(sorted(zip(y_true, y_score, strict=False), key=lambda x: x[-1]), start=1)
    pos_ranks = [x[0] for x in ranks if x[1][0] == 1]
    return float((sum(pos_ranks) - M * (M + 1) / 2) / (M * N))
