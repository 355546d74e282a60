import { definePaper } from '../define.ts';
import { classificationClaim, generalSigmaClaim, improvementConditionClaim, isotropicRiskClaim, lawsClaim, sgdEndpointClaim } from './theory/index.ts';
import { classificationSim, isotropicRegressionSim, regressionSim, sgdSim } from './sim/index.ts';
import { interpolatorInRowSpace } from './checks/sgdEndpoint.ts';
import { simulatedRisk } from './checks/isotropicRisk.ts';
import { richardsonRisk } from './checks/generalSigma.ts';
import { riskSign } from './checks/improvementCondition.ts';
import { lawVsGaussian } from './checks/laws.ts';
import { improvementSign, localisedWStar, richardsonError } from './checks/classification.ts';

/** Ghane, Akhtiamov, Hassibi — universality of SGD fine-tuning of linear models (formalised from the abstract). */
export const universality = definePaper({
  id: 'universality',
  title: 'Universality in Transfer Learning for Linear Models',
  source: { authors: 'R. Ghane, D. Akhtiamov, B. Hassibi', title: 'Universality in Transfer Learning for Linear Models', reference: 'arXiv 2410.02164 (abstract only)' },
  claims: [sgdEndpointClaim, isotropicRiskClaim, generalSigmaClaim, improvementConditionClaim, lawsClaim, classificationClaim],
  simulations: [regressionSim, isotropicRegressionSim, sgdSim, classificationSim],
  checks: [interpolatorInRowSpace, simulatedRisk, richardsonRisk, riskSign, lawVsGaussian, richardsonError, improvementSign, localisedWStar],
});
