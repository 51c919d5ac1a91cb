package main

// Go: a slice literal of logits.
var logits = []float64{2.0, 1.0, 0.1}
