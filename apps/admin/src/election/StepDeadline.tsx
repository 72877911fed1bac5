/** The deadline of one checklist step as a tab shows it: the date, and days left, overdue, or done. */
import { Space, Tag, Typography } from 'antd';
import { formatDate, useLang, useT, type StepKey } from '@huanjie/ui';
import type { AreaElection } from './area.tsx';

export function StepDeadline({ election, step, label }: { readonly election: AreaElection; readonly step: StepKey; readonly label: string }) {
  const t = useT();
  const [lang] = useLang();
  const s = election.checklist.find((c) => c.key === step);
  if (!s) return null;
  let timing;
  if (s.status === 'DONE') {
    timing = (
      <Tag color={s.late ? 'orange' : 'success'}>
        {t('community.doneOn', { date: formatDate(s.doneOn, lang) })}
        {s.late ? ` · ${t('community.late')}` : ''}
      </Tag>
    );
  } else if (s.daysLeft !== null && s.daysLeft < 0) {
    timing = <Tag color="red">{t('community.daysOver', { n: -s.daysLeft })}</Tag>;
  } else if (s.daysLeft === 0) {
    timing = <Tag color="orange">{t('community.dueToday')}</Tag>;
  } else if (s.daysLeft !== null) {
    timing = <Tag color="blue">{t('community.daysLeft', { n: s.daysLeft })}</Tag>;
  }
  return (
    <Space size={6} wrap data-testid={`deadline-${s.key}`}>
      <Typography.Text strong>{label}</Typography.Text>
      <span>{formatDate(s.deadline, lang)}</span>
      {timing}
    </Space>
  );
}
