import { defineClaim, type Prediction } from '../../../theory/claim.ts';
import type { ParamSpec, Params } from '../../../core/params.ts';
import { num } from './formulas.ts';
import { transferQuantities } from './hypotheses.ts';
import { TRANSFER_PARAMS } from './params.ts';

/**
 * Thm 4.2 is printed twice: in the main text and as Thm E.12 in the appendix (as summarised in the seed).
 * Two forms that state the same result with unknown constants agree iff their ratio does not depend on
 * the parameters; each pair of printed forms is kept here as printed, at a parameter point.
 *  - Training time. Main: T = Ω(N_2 m/(η ε σ_{p,2}²)). Appendix: T_2 = C_2* N_2 m/(η σ_{p,2}² d).
 *  - Error exponent. Main: exp{−C_2·Num/(α²σ_{p,2}²N_1 d/σ_{p,1}² + N_2 d)}. Appendix: exp{−C_2 (1/d) Num/Den}.
 */
export const thm42Forms = {
  mainTime: (p: Params) => (p.N2! * p.m!) / (p.eta! * p.eps! * p.sigmaP2! ** 2),
  appendixTime: (p: Params) => (p.N2! * p.m!) / (p.eta! * p.sigmaP2! ** 2 * p.d!),
  mainExponent: (p: Params) => num(transferQuantities(p)) / ((p.alpha! ** 2 * p.sigmaP2! ** 2 * p.N1! * p.d!) / p.sigmaP1! ** 2 + p.N2! * p.d!),
  appendixExponent: (p: Params) => (1 / p.d!) * (num(transferQuantities(p)) / ((p.alpha! ** 2 * p.sigmaP2! ** 2 * p.N1!) / p.sigmaP1! ** 2 + p.N2!)),
};

const dRatio: ParamSpec = { name: 'dFactor', symbol: 'd′/d', description: 'second point: d scaled by this factor', domain: { min: 0, minOpen: true }, default: 2 };
const epsRatio: ParamSpec = { name: 'epsFactor', symbol: 'ε′/ε', description: 'second point: ε scaled by this factor', domain: { min: 0, minOpen: true }, default: 1 };

export interface ConsistencyPrediction extends Prediction {
  value: 1;
  details: {
    /** (form A / form B at p) ÷ (form A / form B at the second point): 1 when the two printed forms agree up to a constant. */
    time: { main: number; appendix: number; mainAt2: number; appendixAt2: number };
    exponent: { main: number; appendix: number; mainAt2: number; appendixAt2: number };
  };
}

export const secondPoint = (p: Params): Params => ({ ...p, d: p.d! * p.dFactor!, eps: p.eps! * p.epsFactor! });

export const thm42Consistency = defineClaim({
  id: 'ptransfer.consistency',
  paper: 'ptransfer',
  title: 'Thm 4.2 (main text) and Thm E.12 (appendix, as summarised) state the same result: their printed forms agree up to constants',
  source: {
    paper: 'ptransfer',
    ref: 'Thm 4.2 (Sec 4) and Thm E.12 (appendix E.3), as summarised in the seed',
    statement:
      'Main: at $T = \\Omega(N_2 m/(\\eta\\varepsilon\\sigma_{p,2}^2))$, $P(y f < 0) \\le \\exp\\{-C_2\\,\\mathrm{Num}/(\\alpha^2\\sigma_{p,2}^2 N_1 d/\\sigma_{p,1}^2 + N_2 d)\\}$ if $d \\le C_1\\,\\mathrm{Num}/\\mathrm{Den}$. Appendix: with $T_1 = C_1^* N_1 m/(\\eta\\sigma_{p,1}^2 d)$, $T_2 = C_2^* N_2 m/(\\eta\\sigma_{p,2}^2 d)$, $P(y f < 0) \\le \\exp\\{-C_2 (1/d)\\,\\mathrm{Num}/\\mathrm{Den}\\}$ if $d \\le C^\\prime\\,\\mathrm{Num}/\\mathrm{Den}$.',
    provenance: 'printed',
  },
  params: [...TRANSFER_PARAMS, dRatio, epsRatio],
  hypotheses: [],
  regime: { kind: 'exact', note: 'a comparison of two printed forms, no simulation' },
  predict: (p: Params): ConsistencyPrediction => {
    const q = secondPoint(p);
    const f = thm42Forms;
    return {
      quantity: '(form A / form B at p) ÷ (form A / form B at p′): 1 when the forms agree up to a constant',
      kind: 'structure',
      value: 1,
      details: {
        time: { main: f.mainTime(p), appendix: f.appendixTime(p), mainAt2: f.mainTime(q), appendixAt2: f.appendixTime(q) },
        exponent: { main: f.mainExponent(p), appendix: f.appendixExponent(p), mainAt2: f.mainExponent(q), appendixAt2: f.appendixExponent(q) },
      },
    };
  },
});
