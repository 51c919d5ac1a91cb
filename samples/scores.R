# R: softmax of a numeric vector
z <- c(2.0, 1.0, 0.1)
