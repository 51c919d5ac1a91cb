"""Logits from a three-class classifier, and what softmax makes of them.

Hover an array to see its probabilities, or click the CodeLens above it to open the walkthrough.
"""
import math

import numpy as np
import torch

# What numpy printed for the softmax of these logits, pasted back as a comment:
# [0.65900114 0.24243297 0.09856589]
logits = [2.0, 1.0, 0.1]

# A batch of two examples: softmax is taken per row (dim=-1).
batch = np.array([[3.2, 5.1, -1.7],
                  [1.3, 0.2, 0.9]])

# Sizes are not logits: no lens on the shape the batch is viewed as.
flat = batch.reshape(-1)
restored = flat.reshape([2, 3])

# Masked positions use -inf: they get probability exactly 0.
attention_scores = torch.tensor([0.5, 1.5, float('-inf'), 2.5])

# Large logits overflow the textbook formula; the lens stays exact.
confident = [1000.0, 1001.0, 999.5]

temperature_demo = [4.0, 2.0, 1.0, -math.inf]
