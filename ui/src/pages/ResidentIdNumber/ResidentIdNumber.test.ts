import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CLERK_AT_WORK } from '../../testing/staff';

const assistedCheckIdNumber = vi.fn();
const assistedReadCard = vi.fn();
const assistedStart = vi.fn();
vi.mock('../../lib/ipc', async (original) => ({
  ...(await original<typeof import('../../lib/ipc')>()),
  assistedCheckIdNumber: (idNumber: string) => assistedCheckIdNumber(idNumber),
  assistedReadCard: () => assistedReadCard(),
  assistedStart: (idNumber: string, name: string) => assistedStart(idNumber, name),
}));

const { default: ResidentIdNumber } = await import('./ResidentIdNumber.svelte');
const { counter } = await import('../../lib/assistedState.svelte');
const { showStaff } = await import('../../lib/staffState.svelte');

const AT_WORK = { ...CLERK_AT_WORK };

beforeEach(() => {
  for (const mock of [assistedCheckIdNumber, assistedReadCard, assistedStart]) mock.mockReset();
  counter.idNumber = '';
  counter.view = null;
  showStaff({ ...AT_WORK });
  window.location.hash = '#/resident';
});

describe('ResidentIdNumber', () => {
  it('takes the number on the keypad with X, says plainly what is wrong and keeps it', async () => {
    const user = userEvent.setup();
    assistedCheckIdNumber.mockRejectedValue({
      code: 'assisted-id-number-length',
      message: '身份证号码是18位，现在输入了3位。',
    });
    render(ResidentIdNumber);
    expect(screen.getByRole('heading', { level: 1, name: '居民的身份证号码是多少？' })).toBeTruthy();
    for (const key of ['1', '1', 'X']) await user.click(screen.getByRole('button', { name: key }));
    await user.click(screen.getByRole('button', { name: '下一步' }));
    expect(assistedCheckIdNumber).toHaveBeenCalledWith('11X');
    expect((await screen.findByRole('alert')).textContent).toContain('现在输入了3位');
    expect(screen.getByRole('status').textContent).toBe('11X');

    assistedCheckIdNumber.mockResolvedValue('110101194403151029');
    await user.click(screen.getByRole('button', { name: '下一步' }));
    await vi.waitFor(() => expect(window.location.hash).toBe('#/resident/name'));
    expect(counter.idNumber).toBe('110101194403151029');
  });

  it('reads the card on the reader and goes straight to her consent', async () => {
    const user = userEvent.setup();
    assistedReadCard.mockResolvedValueOnce(null);
    render(ResidentIdNumber);
    await user.click(screen.getByRole('button', { name: '读身份证' }));
    expect((await screen.findByRole('alert')).textContent).toContain('读卡器上没有身份证');
    assistedReadCard.mockResolvedValue({ name: '张秀英', id_number: '110101194403151029' });
    assistedStart.mockResolvedValue({ open: false, resident_name: '张秀英' });
    await user.click(screen.getByRole('button', { name: '读身份证' }));
    await vi.waitFor(() => expect(window.location.hash).toBe('#/resident/consent'));
    expect(assistedStart).toHaveBeenCalledWith('110101194403151029', '张秀英');
  });

  it('offers 读身份证 only on a computer with a reader', () => {
    showStaff({ ...AT_WORK, card_reader: false });
    render(ResidentIdNumber);
    expect(screen.queryByRole('button', { name: '读身份证' })).toBeNull();
  });
});
