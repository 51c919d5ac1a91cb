/* C: logits in a brace initializer */
static const double logits[4] = {1.5, -0.5, 0.25, 3.0};
static const float weights[3] = {0.2f, 0.7f, 0.1f};
