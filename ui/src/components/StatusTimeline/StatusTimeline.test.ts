import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import StatusTimeline from './StatusTimeline.svelte';

describe('StatusTimeline', () => {
  it('says done, now and to come in words, marks the current step and an overdue one', () => {
    render(StatusTimeline, {
      label: '办理进度',
      steps: [
        { name: '受理', state: 'done', time: '2026年11月21日', remark: '材料齐全' },
        { name: '审查', state: 'current', overdueDays: 2 },
        { name: '办结', state: 'pending' },
      ],
    });
    const steps = within(screen.getByRole('list', { name: '办理进度' })).getAllByRole('listitem');
    expect(steps.map((s) => s.querySelector('.name')?.textContent)).toEqual([
      '受理（已完成）',
      '审查（正在办）',
      '办结（还没到）',
    ]);
    expect(steps[1].getAttribute('aria-current')).toBe('step');
    expect(steps[1].textContent).toContain('已经超过期限2个工作日');
    expect(steps[0].textContent).toContain('材料齐全');
  });
});
