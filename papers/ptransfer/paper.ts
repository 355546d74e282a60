import { definePaper } from '../define.ts';
import { ptransferClaimList } from './theory/claims.ts';
import { table1 } from './theory/table1.ts';
import { ptransferSims } from './sim/index.ts';
import { mnistSims } from './sim/mnist/sims.ts';
import { ptransferChecks } from './checks/index.ts';
import { noiseSweep, transferHelps } from './checks/table1.ts';
import { ptransferFigures } from './figures/ptransfer.ts';

/** Yuan et al. — partial parameter transfer in two-layer ReLU CNNs (its baseline Kou et al. is the paper 'kou'). */
export const ptransfer = definePaper({
  id: 'ptransfer',
  title: 'Towards Understanding Feature Learning in Parameter Transfer',
  source: { authors: 'Yuan et al.', title: 'Towards Understanding Feature Learning in Parameter Transfer', reference: 'arXiv 2509.22056' },
  claims: [...ptransferClaimList, table1],
  simulations: [...ptransferSims.filter((s) => s.paper === 'ptransfer'), ...mnistSims],
  checks: [...ptransferChecks.filter((k) => !k.claimId.startsWith('kou.')), transferHelps, noiseSweep],
  figures: ptransferFigures,
});
