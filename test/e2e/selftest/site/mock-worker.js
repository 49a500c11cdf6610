// The mock's "simulation": a deterministic loop that reports progress.
self.onmessage = (e) => {
  const { iterations, seed } = e.data;
  let h = 0;
  for (const c of String(seed)) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  const chunk = 500;
  let sum = 0;
  for (let i = 0; i < iterations; i += chunk) {
    const end = Math.min(iterations, i + chunk);
    for (let k = i; k < end; k++) { h = (h * 1664525 + 1013904223) >>> 0; sum += h / 2 ** 32; }
    // Slow enough that a million iterations can be cancelled.
    const until = Date.now() + (iterations > 100000 ? 2 : 0);
    while (Date.now() < until);
    self.postMessage({ type: 'progress', value: end / iterations });
  }
  self.postMessage({ type: 'done', mean: sum / iterations });
};
