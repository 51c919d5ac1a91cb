// Rust: a vec! and an array with type suffixes.
fn main() {
    let logits = vec![2.0, 1.0, 0.1];
    let scores: [f32; 3] = [1.0_f32, 2.0_f32, 3.0_f32];
    println!("{:?} {:?}", logits, scores);
}
