import type { Lang, Translate } from '@huanjie/ui';

interface StagedElection {
  readonly stage: number | null;
  readonly checklist: readonly { readonly step: number; readonly title: string; readonly titleEn: string }[];
}

/** 'Step 3: voter registration' in the user's language (the server's stageTitle is zh-CN only). */
export function stageLabel(e: StagedElection, t: Translate, lang: Lang): string {
  if (e.stage === null) return t('overview.complete');
  const current = e.checklist.find((s) => s.step === e.stage);
  return t('overview.stageN', { n: e.stage, title: current ? (lang === 'zh-CN' ? current.title : current.titleEn) : '' });
}
