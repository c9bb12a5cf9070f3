import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CLERK_AT_WORK } from '../testing/staff';

const staffInput = vi.fn();
vi.mock('./ipc', async (original) => ({
  ...(await original<typeof import('./ipc')>()),
  staffInput: () => staffInput(),
}));

const { INPUT_EVERY_MS, inputSeen, showStaff } = await import('./staffState.svelte');

const AT_WORK = { ...CLERK_AT_WORK };

beforeEach(() => {
  staffInput.mockReset();
  staffInput.mockResolvedValue(null);
});

describe('inputSeen', () => {
  it('tells the shell of her input at most once in INPUT_EVERY_MS, and never while locked', () => {
    showStaff({ ...AT_WORK });
    const start = 10 * INPUT_EVERY_MS;
    inputSeen(start);
    inputSeen(start + 1000);
    inputSeen(start + INPUT_EVERY_MS - 1);
    expect(staffInput).toHaveBeenCalledTimes(1);
    inputSeen(start + INPUT_EVERY_MS);
    expect(staffInput).toHaveBeenCalledTimes(2);
    showStaff({ ...AT_WORK, locked: true });
    inputSeen(start + 5 * INPUT_EVERY_MS);
    expect(staffInput).toHaveBeenCalledTimes(2);
  });
});
