import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ReceiptView } from '../../lib/types';

const RECEIPT: ReceiptView = {
  service: '高龄津贴申领',
  department: '北京市东城区民政局',
  number: '11010120261201000001',
  number_grouped: '1101 0120 2612 0100 0001',
  received: '2026年12月1日 09:31',
  promised: '15个工作日内办好，最晚2026年12月22日',
  follow: ['打开惠办，点“进度”；或者用手机扫这张回执上的二维码。', '拨打12345政务服务热线，报上面的编号。'],
  filed_by: '东城区政务服务中心 赵敏',
  can_save_pdf: true,
};
let answer = (): Promise<ReceiptView> => Promise.resolve(RECEIPT);
let printed = (): Promise<null> => Promise.resolve(null);
vi.mock('../../lib/ipc', async (original) => ({
  ...(await original<typeof import('../../lib/ipc')>()),
  caseReceipt: () => answer(),
  receiptPrint: () => printed(),
  receiptSavePdf: (no: string) => Promise.resolve(`/home/zhao/Documents/惠办回执/回执-${no}.pdf`),
  caseNumberQr: () => Promise.resolve('<svg xmlns="http://www.w3.org/2000/svg"/>'),
}));

const { default: Receipt } = await import('./Receipt.svelte');

describe('Receipt', () => {
  it('shows the sheet that prints: grouped number read out whole, QR, promise and who filed it', async () => {
    render(Receipt, { applicationNo: RECEIPT.number });
    const sheet = await screen.findByRole('article', { name: '收件凭证（受理回执）' });
    expect(sheet.classList.contains('printable')).toBe(true);
    expect(screen.getByLabelText(RECEIPT.number).textContent).toBe('1101 0120 2612 0100 0001');
    expect(await screen.findByRole('img', { name: `编号 ${RECEIPT.number} 的二维码` })).toBeTruthy();
    expect(screen.getByText('15个工作日内办好，最晚2026年12月22日')).toBeTruthy();
    expect(screen.getByText('东城区政务服务中心 赵敏')).toBeTruthy();
    expect(screen.getByRole('button', { name: '打印回执' })).toBeTruthy();
  });

  it('says plainly when the case is not here yet', async () => {
    answer = () => Promise.reject({ code: 'case-not-found', message: '没有找到这件事。' });
    render(Receipt, { applicationNo: 'x' });
    expect((await screen.findByRole('alert')).textContent).toContain('没有找到');
  });

  it('prints to the counter\'s printer or saves a PDF, and says which', async () => {
    answer = () => Promise.resolve(RECEIPT);
    render(Receipt, { applicationNo: RECEIPT.number });
    await userEvent.click(await screen.findByRole('button', { name: '打印回执' }));
    expect((await screen.findByRole('status')).textContent).toContain('回执已经送到打印机');
    await userEvent.click(screen.getByRole('button', { name: '存为PDF' }));
    expect((await screen.findByRole('status')).textContent).toContain(`回执-${RECEIPT.number}.pdf`);
  });

  it('offers no 存为PDF where core says a file would stay behind (a kiosk)', async () => {
    answer = () => Promise.resolve({ ...RECEIPT, can_save_pdf: false });
    render(Receipt, { applicationNo: RECEIPT.number });
    expect(await screen.findByRole('button', { name: '打印回执' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '存为PDF' })).toBeNull();
  });

  it('says plainly when the printer failed, the receipt still shown', async () => {
    answer = () => Promise.resolve(RECEIPT);
    printed = () =>
      Promise.reject({ code: 'receipt-print-failed', message: '回执没有打印出来。请看看打印机有没有开、有没有纸，再试一次。' });
    render(Receipt, { applicationNo: RECEIPT.number });
    await userEvent.click(await screen.findByRole('button', { name: '打印回执' }));
    expect((await screen.findByRole('alert')).textContent).toContain('打印机');
    expect(screen.getByRole('article', { name: '收件凭证（受理回执）' })).toBeTruthy();
  });
});
