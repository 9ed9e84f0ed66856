// A short two-tone chime for a new warning, made with Web Audio: no sound file to ship, nothing fetched from outside.
// Browsers allow sound only after the user has interacted with the page; until then this is silently a no-op.
let context = null;

export function chime(urgent) {
  try {
    context ??= new AudioContext();
    if (context.state === "suspended") context.resume().catch(() => {});
    const start = context.currentTime;
    const tones = urgent ? [880, 660, 880, 660] : [660, 880];
    tones.forEach((frequency, i) => beep(context, frequency, start + i * 0.18, 0.15));
  } catch {
    // No audio device, or audio blocked: the toast still shows.
  }
}

function beep(audio, frequency, at, length) {
  const oscillator = audio.createOscillator();
  const gain = audio.createGain();
  oscillator.frequency.value = frequency;
  gain.gain.setValueAtTime(0.0001, at);
  gain.gain.exponentialRampToValueAtTime(0.25, at + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.0001, at + length);
  oscillator.connect(gain).connect(audio.destination);
  oscillator.start(at);
  oscillator.stop(at + length + 0.02);
}
