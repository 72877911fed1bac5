import type { CombinedError } from 'urql';
import { errorMessage, type Translate } from '@huanjie/ui';

/** What to say when a mutation brought back no outcome: the server's error, or the network one. */
export function noOutcome(error: CombinedError | undefined, t: Translate): string {
  return error ? errorMessage(error, t('error.network')) : t('error.network');
}
