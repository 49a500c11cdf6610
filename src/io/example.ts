/**
 * The format's reference scenarios: `SPEC_EXAMPLE_TEXT` for `/1`, `SPEC_EXAMPLE_2_TEXT` for `/2`.
 *
 * The `/1` reference scenario (docs/scenario-format.md, 'An example'; Hangzhou 2016, city-level
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

/**
 * The reference scenario of `huzhu-scenario/2` (docs/scenario-format.md, the `/2` example): two
 * groups, one of them holding one or two shares; a per-share contribution for one group and a
 * union's for the other; a rate by group and a risk for one group; per-share benefits, a waiting
 * amount and a limit over two benefits of one risk. Valid, written compactly as in the spec.
 */
export const SPEC_EXAMPLE_2_TEXT = `{
  "format": "huzhu-scenario/2",
  "name": "A city scheme with two groups",
  "members": {
    "groups": [
      { "id": "in-service", "count": 1000000, "femaleShare": 0.45, "newShare": 0.1,
        "holdings": [ { "shares": 1, "fraction": 0.8 }, { "shares": 2, "fraction": 0.2 } ] },
      { "id": "retired", "count": 260000, "femaleShare": 0.5 }
    ]
  },
  "contributions": [
    { "payer": "member", "amount": 30, "perShare": true, "groups": ["in-service"] },
    { "payer": "union", "amount": 20, "groups": ["retired"] }
  ],
  "risks": [
    { "id": "inpatient", "kind": "cost", "rate": { "in-service": 0.03, "retired": 0.09 }, "rateCv": 0.2,
      "cost": { "dist": "lognormal", "mean": 6000, "cv": 1.5 }, "days": { "dist": "poisson", "mean": 9 } },
    { "id": "critical", "kind": "event", "groups": ["in-service"], "rate": 0.003 }
  ],
  "benefits": [
    { "id": "self-pay", "risk": "inpatient", "type": "bands", "perShare": true,
      "bands": [ { "upTo": 10000, "rate": 0.5 }, { "upTo": null, "rate": 0.7 } ], "cap": 30000 },
    { "id": "allowance", "risk": "inpatient", "type": "daily", "perDay": 50, "maxDays": 30 },
    { "id": "critical", "risk": "critical", "type": "lump-sum", "amount": 25000, "perShare": true,
      "waitingDays": 90, "waitingAmount": 1000 }
  ],
  "limits": [ { "id": "inpatient-total", "benefits": ["self-pay", "allowance"], "cap": 40000, "perShare": true } ]
}
`;
