import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { session } from '../../lib/sessionState.svelte';

const draftReview = vi.fn();
const draftSubmit = vi.fn();
vi.mock('../../lib/ipc', async (original) => ({
  ...(await original<typeof import('../../lib/ipc')>()),
  draftReview: (...args: unknown[]) => draftReview(...args),
  draftSubmit: (...args: unknown[]) => draftSubmit(...args),
}));

const { default: FormCheck } = await import('./FormCheck.svelte');

describe('FormCheck', () => {
  beforeEach(() => {
    vi.resetAllMocks();
    window.location.hash = '';
    session.loggedIn = true;
    draftReview.mockResolvedValue({
      form_title: '高龄津贴申领',
      review: {
        rows: [
          { question_id: 'name', label: '您的姓名', answer: '张秀英' },
          { question_id: 'by_agent', label: '是不是别人帮您办理', answer: '否' },
        ],
        problems: [],
      },
    });
  });

  it('shows every answer with 修改 and sends the form', async () => {
    draftSubmit.mockResolvedValue({ kind: 'queued', client_id: 'C1' });
    render(FormCheck, { draftId: 'D1' });
    expect(await screen.findByText('张秀英')).toBeTruthy();
    expect(
      screen.getByRole('link', { name: '修改 您的姓名' }).getAttribute('href'),
    ).toBe('#/form/D1/q/name?check');
    await fireEvent.click(screen.getByRole('button', { name: '确认提交' }));
    await waitFor(() => expect(window.location.hash).toBe('#/sent/C1'));
  });

  it('lists what still needs fixing, each with a link to its question', async () => {
    draftSubmit.mockResolvedValue({
      kind: 'unfinished',
      problems: [{ question_id: 'name', message: '请填写“您的姓名”' }],
    });
    render(FormCheck, { draftId: 'D1' });
    await fireEvent.click(await screen.findByRole('button', { name: '确认提交' }));
    const link = await screen.findByRole('link', { name: '请填写“您的姓名”' });
    expect(link.getAttribute('href')).toBe('#/form/D1/q/name?check');
    expect(screen.getByRole('alert').textContent).toContain('还有1项要填好，才能提交');
    expect(window.location.hash).toBe('');
    // Nothing to send until it is fixed: the way on is the first thing to fix.
    expect(screen.queryByRole('button', { name: '确认提交' })).toBeNull();
    expect(screen.getByRole('link', { name: '去填第一项' }).getAttribute('href')).toBe('#/form/D1/q/name?check');
  });

  it('says at once what is not filled in, and offers no 确认提交 until it is', async () => {
    draftReview.mockResolvedValue({
      form_title: '高龄津贴申领',
      review: {
        rows: [
          { question_id: 'name', label: '您的姓名', answer: '张秀英' },
          { question_id: 'signature', label: '请在下面签名', answer: '' },
        ],
        problems: [{ question_id: 'signature', message: '还没有填：请在下面签名' }],
      },
    });
    render(FormCheck, { draftId: 'D1' });
    const link = await screen.findByRole('link', { name: '还没有填：请在下面签名' });
    expect(link.getAttribute('href')).toBe('#/form/D1/q/signature?check');
    expect(screen.getByRole('link', { name: '去填第一项' }).getAttribute('href')).toBe('#/form/D1/q/signature?check');
    expect(screen.queryByRole('button', { name: '确认提交' })).toBeNull();
    expect(draftSubmit).not.toHaveBeenCalled();
  });

  it('asks for a login before sending, and comes back here after it', async () => {
    session.loggedIn = false;
    render(FormCheck, { draftId: 'D1' });
    const login = await screen.findByRole('link', { name: '登录' });
    expect(login.getAttribute('href')).toBe('#/login?next=%23%2Fform%2FD1%2Fcheck');
    expect(screen.queryByRole('button', { name: '确认提交' })).toBeNull();
  });

  it('says so when the form changed since she began, her answers kept, and leads to the first change', async () => {
    draftReview.mockResolvedValue({
      form_title: '高龄津贴申领',
      review: { rows: [], problems: [{ question_id: 'living', message: '还没有填：您是不是一个人住' }] },
      form_updated: {
        said: '这件事的表格更新了，有1个问题是新的或者改过了，请再看一看。您填过的都还在。',
        first_question: 'living',
      },
    });
    render(FormCheck, { draftId: 'D1' });
    expect(await screen.findByText(/这件事的表格更新了/)).toBeTruthy();
    expect(screen.getByRole('link', { name: '从改过的第一个问题看起' }).getAttribute('href')).toBe(
      '#/form/D1/q/living?check',
    );
    expect(screen.getByRole('link', { name: '去填第一项' }).getAttribute('href')).toBe('#/form/D1/q/living?check');
  });
});
