import { render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import type { WalletEntry } from '../../lib/types';

const walletLicences = vi.fn();
const walletLicenceQr = vi.fn();
vi.mock('../../lib/ipc', async (original) => ({
  ...(await original<typeof import('../../lib/ipc')>()),
  walletLicences: () => walletLicences(),
  walletLicenceQr: (no: string) => walletLicenceQr(no),
}));

const { default: Licences } = await import('./Licences.svelte');
const { default: LicenceDetail } = await import('../LicenceDetail/LicenceDetail.svelte');

function entry(no: string, verified: boolean, problem: string | null = null): WalletEntry {
  return {
    licence: {
      licence_no: no,
      licence_type: verified ? '老年人优待证' : '残疾人证',
      holder_name: '张秀英',
      holder_id_number: '11010119440315102X',
      issuer: { name: '北京市东城区民政局', credit_code: '111101014001000200' },
      issued_on: '2026-01-05',
      valid_from: '2026-01-05',
      valid_to: null,
      fields: { 优待项目: '免费乘坐公交' },
      signature: { algorithm: 'Ed25519', key_id: 'k1', value: '' },
    },
    verified,
    problem,
    valid_words: '2026年1月5日 起长期有效',
  };
}

describe('证照', () => {
  it('lists each licence and says in words whether it checked out', async () => {
    walletLicences.mockResolvedValue([entry('L1', true), entry('L2', false, '已经过了有效期')]);
    render(Licences);
    const good = await screen.findByRole('link', { name: '老年人优待证' });
    expect(good.getAttribute('href')).toBe('#/licences/L1');
    expect(screen.getByText('已验证')).toBeTruthy();
    expect(screen.getByText('没有通过验证')).toBeTruthy();
  });

  it('says where licences come from when there are none', async () => {
    walletLicences.mockResolvedValue([]);
    render(Licences);
    expect(await screen.findByText(/登录并联网后/)).toBeTruthy();
  });

  it('shows a licence with its fields, its check and its QR code', async () => {
    walletLicences.mockResolvedValue([entry('L1', true)]);
    walletLicenceQr.mockResolvedValue('<svg xmlns="http://www.w3.org/2000/svg"></svg>');
    render(LicenceDetail, { licenceNo: 'L1' });
    expect(await screen.findByRole('heading', { level: 1, name: '老年人优待证' })).toBeTruthy();
    expect(screen.getByText('已验证：电子印章正确，证照在有效期内。')).toBeTruthy();
    expect(screen.getByText('免费乘坐公交')).toBeTruthy();
    const qr = await screen.findByRole('img', { name: '老年人优待证的核验二维码' });
    expect(qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
  });

  it('warns plainly about a licence that does not check out', async () => {
    walletLicences.mockResolvedValue([entry('L2', false, '这个证照已经过了有效期，请到发证部门换领。')]);
    walletLicenceQr.mockResolvedValue('<svg xmlns="http://www.w3.org/2000/svg"></svg>');
    render(LicenceDetail, { licenceNo: 'L2' });
    expect(await screen.findByText('这个证照已经过了有效期，请到发证部门换领。')).toBeTruthy();
  });
});
