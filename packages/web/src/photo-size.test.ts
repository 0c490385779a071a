import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { encodeSteps } from './photo-size.js';

describe('photo encode steps', () => {
  it('shrinks a 4000×3000 camera photo from 1280 px down, two qualities per size', () => {
    const steps = encodeSteps(4000, 3000);
    assert.deepEqual(steps.slice(0, 3), [
      { width: 1280, height: 960, quality: 0.8 },
      { width: 1280, height: 960, quality: 0.6 },
      { width: 960, height: 720, quality: 0.8 },
    ]);
    assert.deepEqual(steps.at(-1), { width: 240, height: 180, quality: 0.5 });
  });

  it('never enlarges a small image and still ends at quality 0.5', () => {
    assert.deepEqual(encodeSteps(200, 100), [
      { width: 200, height: 100, quality: 0.8 },
      { width: 200, height: 100, quality: 0.6 },
      { width: 200, height: 100, quality: 0.5 },
    ]);
  });

  it('refuses an image without a size', () => {
    assert.throws(() => encodeSteps(0, 100), /no size/);
  });

  it('property: steps only ever get smaller or lower in quality, and the last is the smallest', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12_000 }), fc.integer({ min: 1, max: 12_000 }), (w, h) => {
        const steps = encodeSteps(w, h);
        for (let i = 1; i < steps.length; i++) {
          const [a, b] = [steps[i - 1]!, steps[i]!];
          assert.ok(b.width * b.height < a.width * a.height || (b.width === a.width && b.quality < a.quality));
        }
        const last = steps.at(-1)!;
        assert.ok(Math.max(last.width, last.height) <= 240 && last.quality === 0.5);
      }),
    );
  });
});
