import { render, screen } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { QueueView } from '../../lib/types';

const queueSummary = vi.fn();
let pushQueue: (queue: QueueView) => void = () => {};
const unlisten = vi.fn();
vi.mock('../../lib/ipc', async (original) => ({
  ...(await original<typeof import('../../lib/ipc')>()),
  queueSummary: () => queueSummary(),
  onQueueChanged: (handler: (queue: QueueView) => void) => {
    pushQueue = handler;
    return Promise.resolve(unlisten);
  },
}));

const { default: QueueStatus } = await import('./QueueStatus.svelte');

function queue(waiting: number, sent: number, needs_attention: number, sentence: string): QueueView {
  return { waiting, sent, needs_attention, sentence };
}

beforeEach(() => {
  queueSummary.mockReset();
  unlisten.mockReset();
});

describe('QueueStatus', () => {
  it('says nothing while nothing waits', async () => {
    queueSummary.mockResolvedValue(queue(0, 4, 0, '所有申请都已经送到办事平台了。'));
    render(QueueStatus);
    await Promise.resolve();
    expect(screen.getByRole('status', { name: '申请发送情况' }).textContent?.trim()).toBe('');
  });

  it('tells what waits, then that everything was sent, as the shell reports it', async () => {
    queueSummary.mockResolvedValue(queue(3, 0, 0, '有3份申请等待发送，联网后会自动提交。'));
    const { unmount } = render(QueueStatus);
    expect(await screen.findByText('有3份申请等待发送，联网后会自动提交。')).toBeTruthy();
    pushQueue(queue(0, 3, 0, '所有申请都已经送到办事平台了。'));
    expect(await screen.findByText('所有申请都已经送到办事平台了。')).toBeTruthy();
    unmount();
    expect(unlisten).toHaveBeenCalled();
  });

  it('asks for a look when the platform refused one', async () => {
    queueSummary.mockResolvedValue(queue(0, 0, 0, ''));
    render(QueueStatus);
    await Promise.resolve();
    pushQueue(queue(0, 0, 1, '有1份申请没有通过平台检查，需要您看一看，填好的内容都还在。'));
    const status = screen.getByRole('status', { name: '申请发送情况' });
    expect(await screen.findByText(/需要您看一看/)).toBeTruthy();
    expect(status.textContent).toContain('填好的内容都还在');
  });
});
