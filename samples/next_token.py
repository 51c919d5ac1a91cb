"""Next-token logits from a small language model, for the walkthrough's lab.

Open the walkthrough on `logits` (click its CodeLens), then set top-k, top-p or min-p, compare it with the
teacher's logits, pick a target class to see the gradient, and open `scores` in attention mode.
"""
import torch

# Scores for the token after "The cat sat on the", over an eight-token vocabulary:
# mat, sofa, floor, roof, dog, moon, table, the
logits = torch.tensor([4.1, 2.9, 2.6, 1.2, 0.3, -0.8, 1.9, -1.5])

# A larger teacher model's logits for the same position: distillation pulls the first towards these.
teacher = torch.tensor([3.6, 3.1, 2.2, 0.9, -0.4, -1.1, 2.3, -2.0])

# One attention head's scores q·k over four positions (d = 16); a decoder hides the future with a causal mask.
scores = torch.tensor([[2.0, 0.5, -1.0, 0.3],
                       [1.2, 3.1, 0.4, -0.6],
                       [0.1, 1.7, 2.4, 0.9],
                       [-0.3, 0.8, 1.5, 2.2]])
