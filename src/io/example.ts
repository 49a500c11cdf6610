/**
 * The format's reference scenario (docs/scenario-format.md, 'An example'; Hangzhou 2016, city-level
 * table, with a hospital allowance and a light-illness lump sum): the format's reference file,
 * used by the tests and usable as a starting template. Written compactly, as in the spec, so it
 * is valid but not canonical (serialise.ts gives the canonical text).
 */
export const SPEC_EXAMPLE_TEXT = `{
  "format": "huzhu-scenario/1",
  "name": "Hangzhou 2016: city-level table",
  "period": "2016",
  "source": "bands and cap from the 2015 announcement; members and contribution from 2015",
  "members": { "count": 720000, "femaleShare": 0.5, "newShare": 0.1 },
  "contributions": [ { "payer": "member", "amount": 36 } ],
  "fund": { "reserve": 0, "backstop": 2000000, "expenseRate": 0 },
  "risks": [
    { "id": "inpatient", "kind": "cost", "who": "all", "rate": 0.04, "rateCv": 0.05,
      "cost": { "dist": "lognormal", "mean": 4000, "cv": 2.0 },
      "days": { "dist": "negative-binomial", "mean": 9, "cv": 0.9 } },
    { "id": "light-illness", "kind": "event", "who": "all", "rate": 0.02 }
  ],
  "benefits": [
    { "id": "self-pay", "risk": "inpatient", "type": "bands",
      "bands": [ { "upTo": 1000, "rate": 0.2 }, { "upTo": 10000, "rate": 0.5 },
                 { "upTo": 15000, "rate": 0.9 }, { "upTo": 50000, "rate": 0.6 } ],
      "cap": 30200 },
    { "id": "allowance", "risk": "inpatient", "type": "daily", "perDay": 30, "maxDays": 15 },
    { "id": "light", "risk": "light-illness", "type": "lump-sum", "amount": 4000, "cap": 16000, "waitingDays": 60 }
  ],
  "trend": { "members": 0.05, "contribution": 0, "rate": 0.02, "cost": 0.06 },
  "simulation": { "iterations": 10000, "seed": "hangzhou-2016", "years": 5, "confidence": 0.95 }
}
`;
