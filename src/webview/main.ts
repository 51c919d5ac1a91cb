// Placeholder until the walkthrough lands (issue 6).
document.body.dataset.ready = 'true';
