import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import YesNo from '../YesNo/YesNo.svelte';

describe('ChoiceList', () => {
  it('marks the chosen answer with ✓, which is seen and not heard', async () => {
    render(YesNo, { legend: '是不是别人帮您办理', name: 'agent', value: true });
    const yes = screen.getByRole('radio', { name: '是' }) as HTMLInputElement;
    expect(yes.checked).toBe(true);
    const card = yes.closest('label');
    expect(card?.classList.contains('selected')).toBe(true);
    expect(card?.textContent).toContain('✓');
    expect(card?.querySelector('[aria-hidden="true"]')?.textContent).toBe('✓');
    const no = screen.getByRole('radio', { name: '否' });
    expect(no.closest('label')?.textContent).not.toContain('✓');
  });

  it('moves the ✓ to the answer chosen next', async () => {
    render(YesNo, { legend: '是不是别人帮您办理', name: 'agent', value: true });
    const no = screen.getByRole('radio', { name: '否' });
    no.click();
    await Promise.resolve();
    expect(no.closest('label')?.textContent).toContain('✓');
    expect(screen.getByRole('radio', { name: '是' }).closest('label')?.textContent).not.toContain('✓');
  });
});
