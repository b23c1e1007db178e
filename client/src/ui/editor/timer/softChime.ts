/**
 * One quiet, short chime (two soft sine tones) for the timer reaching zero. Browsers may refuse
 * sound before the user interacted with the page; then the visual signal is all there is.
 */
export function playSoftChime(): void {
  try {
    const Ctx = globalThis.AudioContext;
    if (!Ctx) return;
    const ctx = new Ctx();
    const start = ctx.currentTime;
    for (const [i, frequency] of [660, 880].entries()) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'sine';
      osc.frequency.value = frequency;
      const at = start + i * 0.25;
      gain.gain.setValueAtTime(0, at);
      gain.gain.linearRampToValueAtTime(0.08, at + 0.03);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.6);
      osc.connect(gain).connect(ctx.destination);
      osc.start(at);
      osc.stop(at + 0.65);
    }
    setTimeout(() => void ctx.close(), 1500);
  } catch {
    // No audio here: the display's pulse is the signal.
  }
}
