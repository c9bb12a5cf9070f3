import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import type { Question, WalletEntry } from '../../lib/types';

const walletLicencesOffered = vi.fn();
const attachmentKeep = vi.fn();
const kioskPinyinCandidates = vi.fn();
vi.mock('../../lib/ipc', async (original) => ({
  ...(await original<typeof import('../../lib/ipc')>()),
  kioskPinyinCandidates: (typed: string) => kioskPinyinCandidates(typed),
  walletLicencesOffered: (type: string | null) => walletLicencesOffered(type),
  attachmentKeep: (bytes: Uint8Array) => attachmentKeep(bytes),
}));

const { default: AnswerInput } = await import('./AnswerInput.svelte');
const { kiosk } = await import('../../lib/kioskState.svelte');

const OPTIONS = [
  { value: 'meals', label: '送餐' },
  { value: 'cleaning', label: '打扫卫生' },
];

function question(kind: Question['kind']): Question {
  return { id: 'q', kind, label: '问题', required: true, options: OPTIONS };
}

function show(kind: Question['kind'], value: unknown) {
  const onchange = vi.fn();
  render(AnswerInput, { question: question(kind), value, onchange, describedBy: '', invalid: false });
  return onchange;
}

function licence(no: string, type: string, verified: boolean): WalletEntry {
  return {
    licence: {
      licence_no: no,
      licence_type: type,
      holder_name: '张秀英',
      holder_id_number: '',
      issuer: { name: '', credit_code: '' },
      issued_on: '2026-01-01',
      valid_from: '2026-01-01',
      valid_to: null,
      fields: {},
      signature: { algorithm: 'Ed25519', key_id: 'k1', value: '' },
    },
    verified,
    problem: verified ? null : '已过期',
    valid_words: '2026年1月1日 起长期有效',
  };
}

describe('AnswerInput', () => {
  it('offers the number keyboard for a phone and passes on what is typed', async () => {
    const onchange = show('phone', '138');
    const box = screen.getByRole('textbox', { name: '您的回答' });
    expect(box.getAttribute('inputmode')).toBe('tel');
    await fireEvent.input(box, { target: { value: '13800000001' } });
    expect(onchange).toHaveBeenCalledWith('13800000001');
  });

  it('lets any number of choices be ticked, kept in the order offered', async () => {
    const onchange = show('multiple_choice', ['cleaning']);
    await fireEvent.click(screen.getByRole('checkbox', { name: '送餐' }));
    expect(onchange).toHaveBeenLastCalledWith(['meals', 'cleaning']);
  });

  it('answers 是/否 with true or false', async () => {
    const onchange = show('yes_no', null);
    await fireEvent.click(screen.getByRole('radio', { name: '否' }));
    expect(onchange).toHaveBeenLastCalledWith(false);
  });

  it('answers 是/否 in the words the form gives for them', async () => {
    const onchange = vi.fn();
    const byAgent: Question = {
      ...question('yes_no'),
      options: [
        { value: 'yes', label: '是，别人帮我办' },
        { value: 'no', label: '不是，我自己办' },
      ],
    };
    render(AnswerInput, { question: byAgent, value: null, onchange, describedBy: '', invalid: false });
    expect(screen.queryByRole('radio', { name: '否' })).toBeNull();
    await fireEvent.click(screen.getByRole('radio', { name: '不是，我自己办' }));
    expect(onchange).toHaveBeenLastCalledWith(false);
  });

  // Which licences are offered (checked out, of the question's type) is core's rule, tested in
  // crates/core/src/wallet/service.rs; the page shows what core offers and answers with one.
  it('offers the licences core offers, and answers with the one picked', async () => {
    walletLicencesOffered.mockResolvedValue([licence('L-1', '居民身份证', true)]);
    const onchange = show('licence', null);
    const choice = await screen.findByRole('radio', { name: /居民身份证/ });
    expect(walletLicencesOffered).toHaveBeenLastCalledWith(null);
    await fireEvent.click(choice);
    expect(onchange).toHaveBeenLastCalledWith('L-1');
  });

  it('asks core for licences of the type the material asks for', async () => {
    walletLicencesOffered.mockResolvedValue([licence('L-3', '户口簿', true)]);
    render(AnswerInput, {
      question: { ...question('licence'), licence_type: '户口簿' },
      value: null,
      onchange: vi.fn(),
      describedBy: '',
      invalid: false,
    });
    expect(await screen.findByRole('radio', { name: /户口簿/ })).toBeTruthy();
    expect(walletLicencesOffered).toHaveBeenLastCalledWith('户口簿');
  });

  it('takes a photo of the paper document when there is no e-licence of the type', async () => {
    walletLicencesOffered.mockResolvedValue([]);
    attachmentKeep.mockResolvedValue({ sha256: 'b'.repeat(64), media_type: 'image/png', size: 4 });
    const onchange = vi.fn();
    render(AnswerInput, {
      question: { ...question('licence'), licence_type: '户口簿' },
      value: null,
      onchange,
      describedBy: '',
      invalid: false,
    });
    expect(await screen.findByText(/您还没有电子户口簿/)).toBeTruthy();
    const input = screen.getByLabelText('选一张照片或一个PDF文件') as HTMLInputElement;
    const file = new File([new Uint8Array([137, 80, 78, 71])], 'hukou.png', { type: 'image/png' });
    await fireEvent.change(input, { target: { files: [file] } });
    await vi.waitFor(() => expect(onchange).toHaveBeenCalledWith('b'.repeat(64)));
  });

  it('keeps a chosen photo and answers with its fingerprint', async () => {
    attachmentKeep.mockResolvedValue({ sha256: 'a'.repeat(64), media_type: 'image/png', size: 4 });
    const onchange = show('attachment', null);
    const input = screen.getByLabelText('选一张照片或一个PDF文件') as HTMLInputElement;
    const file = new File([new Uint8Array([137, 80, 78, 71])], 'card.png', { type: 'image/png' });
    await fireEvent.change(input, { target: { files: [file] } });
    await vi.waitFor(() => expect(onchange).toHaveBeenCalledWith('a'.repeat(64)));
    expect(attachmentKeep.mock.calls[0][0]).toEqual(new Uint8Array([137, 80, 78, 71]));
  });

  it('says plainly when a file cannot be kept', async () => {
    attachmentKeep.mockRejectedValue({ code: 'attachment-unsupported', message: '只能上传照片' });
    const onchange = show('attachment', null);
    const input = screen.getByLabelText('选一张照片或一个PDF文件') as HTMLInputElement;
    const file = new File(['hello'], 'note.txt', { type: 'text/plain' });
    await fireEvent.change(input, { target: { files: [file] } });
    expect((await screen.findByRole('alert')).textContent).toContain('只能上传照片');
    expect(onchange).not.toHaveBeenCalled();
  });

  describe('on a kiosk, which has no keyboard', () => {
    it('takes an ID number on the on-screen keypad, X included, and a date as its digits', async () => {
      kiosk.here = true;
      try {
        const onchange = show('id_number', '11010119440315102');
        expect(screen.queryByRole('textbox')).toBeNull();
        expect(screen.getByRole('group', { name: '问题' })).toBeTruthy();
        await fireEvent.click(screen.getByRole('button', { name: 'X' }));
        expect(onchange).toHaveBeenLastCalledWith('11010119440315102X');
        document.body.innerHTML = '';
        const dated = show('date', '');
        for (const digit of '19440315') await fireEvent.click(screen.getByRole('button', { name: digit }));
        expect(dated).toHaveBeenLastCalledWith('1944-03-15');
        expect(screen.queryByRole('button', { name: '年加一' })).toBeNull();
      } finally {
        kiosk.here = false;
      }
    });

    it('takes words, a 诉求 or a street, on the pinyin keyboard', async () => {
      kioskPinyinCandidates.mockResolvedValue([{ word: '漏水', letters: 7 }]);
      kiosk.here = true;
      try {
        const onchange = show('long_text', '楼上');
        expect(screen.queryByRole('textbox')).toBeNull();
        expect(screen.getByRole('group', { name: '您的回答' })).toBeTruthy();
        for (const key of 'loushui') await fireEvent.click(screen.getByRole('button', { name: key }));
        expect(kioskPinyinCandidates).toHaveBeenLastCalledWith('loushui');
        await fireEvent.click(await screen.findByRole('button', { name: '漏水' }));
        expect(onchange).toHaveBeenLastCalledWith('楼上漏水');
      } finally {
        kiosk.here = false;
      }
    });

    it('keeps the text box and the steppers in a window with a keyboard', () => {
      show('phone', '');
      expect(screen.getByRole('textbox')).toBeTruthy();
      document.body.innerHTML = '';
      show('long_text', '');
      expect(screen.getByRole('textbox', { name: '您的回答' })).toBeTruthy();
    });
  });
});
