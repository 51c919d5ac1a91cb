# Julia: a vector and a 2×3 matrix (rows separated by ;).
x = [2.0, 1.0, 0.1]
W = [0.5 1.5 -Inf; 2.0 0.0 1.0]
