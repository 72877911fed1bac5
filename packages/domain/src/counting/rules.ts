// F4, F6, F8, F9 — rules.md: where provinces differ the rule is a named option; the input's options override the profile
import { getProfile } from '../profile.ts';
import type { ProfileName } from '../profile.ts';
import type { CountOptions, CountRules } from './types.ts';

/** F4, F6, F8, F9: the options in force — the input's `options` over the named profile's defaults. */
export function resolveCountRules(profile: ProfileName, options: CountOptions): CountRules {
  const defaults = getProfile(profile);
  return {
    aggregateAcrossPositions: options.aggregateAcrossPositions ?? defaults.aggregateAcrossPositions,
    womenSeat: options.womenSeat ?? defaults.womenSeat,
    overvote: options.overvote ?? defaults.overvote,
    runoffMargin: options.runoffMargin ?? defaults.runoffMargin,
  };
}
