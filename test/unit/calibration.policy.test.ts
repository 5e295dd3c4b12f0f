import {
  attribute, calibratedMinutes, countedMinutes, estimateOff, estimationBias, percentile, teacherBiases,
} from '../../src/modules/calibration/calibration.policy';

describe('attribute', () => {
  it("spreads a student's actual minutes over the items of their choice in proportion to the predictions", () => {
    const shares = attribute(30, [{ key: 'i1:1', predictedMinutes: 10 }, { key: 'i2:1', predictedMinutes: 20 }]);
    expect(shares).toEqual(new Map([['i1:1', 10], ['i2:1', 20]]));
    expect([...attribute(45, [{ key: 'a', predictedMinutes: 12 }, { key: 'b', predictedMinutes: 15 }, { key: 'c', predictedMinutes: 8 }]).values()]
      .reduce((s, x) => s + x, 0)).toBeCloseTo(45);
  });

  it('spreads evenly when no item has a prediction', () => {
    expect(attribute(12, [{ key: 'a', predictedMinutes: 0 }, { key: 'b', predictedMinutes: 0 }, { key: 'c', predictedMinutes: 0 }]))
      .toEqual(new Map([['a', 4], ['b', 4], ['c', 4]]));
  });
});

describe('percentile', () => {
  it('interpolates linearly on unsorted values', () => {
    expect(percentile([40, 10, 30, 20], 50)).toBe(25);
    expect(percentile([12, 14, 20], 80)).toBeCloseTo(17.6);
    expect(percentile([7], 80)).toBe(7);
    expect(percentile([3, 1, 2], 0)).toBe(1);
    expect(percentile([3, 1, 2], 100)).toBe(3);
    expect(percentile([], 50)).toBe(0);
  });

  it('leaves its input as it was', () => {
    const values = [30, 10, 20];
    percentile(values, 50);
    expect(values).toEqual([30, 10, 20]);
  });
});

describe('calibratedMinutes', () => {
  it('switches on at the threshold', () => {
    expect(calibratedMinutes([12, 14], 3)).toEqual({ observations: 2, medianMinutes: 13, p80Minutes: 13.6, calibratedMinutes: null });
    expect(calibratedMinutes([12, 14, 20], 3)).toEqual({ observations: 3, medianMinutes: 14, p80Minutes: 17.6, calibratedMinutes: 14 });
  });

  it('rounds the median to whole minutes, at least 1', () => {
    expect(calibratedMinutes([0.2, 0.3, 0.4], 3).calibratedMinutes).toBe(1);
    expect(calibratedMinutes([10, 11], 2)).toMatchObject({ medianMinutes: 10.5, calibratedMinutes: 11 });
    expect(calibratedMinutes([], 1)).toEqual({ observations: 0, medianMinutes: 0, p80Minutes: 0, calibratedMinutes: null });
  });
});

describe('countedMinutes', () => {
  it("the calibrated figure wins over the teacher's estimate once there is one", () => {
    expect(countedMinutes(10, 13)).toBe(13);
    expect(countedMinutes(10, 8)).toBe(8);
    expect(countedMinutes(10, null)).toBe(10);
  });
});

describe('estimateOff', () => {
  it('is off when observed ÷ estimate is beyond the ratio either way', () => {
    expect(estimateOff(15, 10, 1.3)).toEqual({ ratio: 1.5, off: true });
    expect(estimateOff(12, 10, 1.3)).toEqual({ ratio: 1.2, off: false });
    expect(estimateOff(5, 10, 1.3)).toEqual({ ratio: 0.5, off: true });
    expect(estimateOff(13, 10, 1.3).off).toBe(false);
  });
});

describe('estimation bias', () => {
  const observations = [
    { minutes: 12, estimatedMinutes: 10, estimatorId: 't1' },
    { minutes: 15, estimatedMinutes: 10, estimatorId: 't1' },
    { minutes: 20, estimatedMinutes: 10, estimatorId: 't1' },
    { minutes: 8, estimatedMinutes: 10, estimatorId: 't2' },
    { minutes: 30, estimatedMinutes: 20, estimatorId: null },
  ];

  it('of a group: the median of actual ÷ predicted over every observation, to two decimals', () => {
    expect(estimationBias(observations)).toBe(1.5);
    expect(estimationBias([{ minutes: 10, estimatedMinutes: 3 }])).toBe(3.33);
    expect(estimationBias([])).toBeNull();
  });

  it('of each teacher who estimated, with how many observations it rests on, in the order they first appear', () => {
    expect(teacherBiases(observations)).toEqual([
      { teacherId: 't1', bias: 1.5, observations: 3 },
      { teacherId: 't2', bias: 0.8, observations: 1 },
    ]);
    expect(teacherBiases([])).toEqual([]);
  });
});
