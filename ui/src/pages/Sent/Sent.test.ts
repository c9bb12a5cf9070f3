import { render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';

const submissionStatus = vi.fn();
vi.mock('../../lib/ipc', async (original) => ({
  ...(await original<typeof import('../../lib/ipc')>()),
  submissionStatus: (id: string) => submissionStatus(id),
  caseNumberQr: async () => '<svg xmlns="http://www.w3.org/2000/svg"></svg>',
  onQueueChanged: async () => () => {},
  onCopiesUpdated: async () => () => {},
}));

const { default: Sent } = await import('./Sent.svelte');

describe('Sent', () => {
  it('says the number, by when, until when it can be taken back and where the SMS goes', async () => {
    submissionStatus.mockResolvedValue({
      kind: 'application',
      impl_code: 'x',
      item_name: '高龄津贴申领',
      state: 'sent',
      case_number: '110101202611260001',
      problem: null,
      confirmation: {
        promised: '最晚2026年12月10日办好（10个工作日内）',
        withdraw: '不想办了？10:42以前，可以点“看办理进度”，把申请要回来。',
        sms: '有了新进展，会发短信到 138****0001。',
      },
    });
    render(Sent, { clientId: 'C1' });
    expect(await screen.findByRole('heading', { level: 1, name: '申请已经送到' })).toBeTruthy();
    expect(screen.getByText('1101 0120 2611 2600 01')).toBeTruthy();
    expect(screen.getByText('最晚2026年12月10日办好（10个工作日内）')).toBeTruthy();
    expect(screen.getByText('不想办了？10:42以前，可以点“看办理进度”，把申请要回来。')).toBeTruthy();
    expect(screen.getByText('有了新进展，会发短信到 138****0001。')).toBeTruthy();
    expect(screen.getByRole('link', { name: '看办理进度' }).getAttribute('href')).toBe('#/progress/110101202611260001');
  });

  it('takes her back to her answers when the platform wants the new form', async () => {
    submissionStatus.mockResolvedValue({
      kind: 'application',
      impl_code: 'x',
      item_name: '高龄津贴申领',
      state: 'form_updated',
      case_number: null,
      problem: '这件事的表格刚刚更新了，办事平台要按新表格收。您填过的都还在，请再看一看，然后重新提交。',
      confirmation: null,
    });
    render(Sent, { clientId: 'C1' });
    expect(await screen.findByText(/表格刚刚更新了/)).toBeTruthy();
    expect(screen.getByRole('link', { name: '去看一看' }).getAttribute('href')).toBe('#/form/D1/check'.replace('D1', 'C1'));
  });
});
