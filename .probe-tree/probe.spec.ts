import { expect, newPage, pageOutline, pageRow, test } from '../e2e/fixtures.ts';

test('probe: tree UI in a real browser without the spaces API', async ({ openAs }) => {
  const ada = await openAs({ as: 'Ada', search: '?space=probe1' });
  const { page } = ada;
  await newPage(ada, 'Onboarding');
  await newPage(ada, 'Policies');
  await newPage(ada, 'Travel');
  await newPage(ada, 'First week', 'Onboarding');
  await expect.poll(() => pageOutline(ada)).toEqual(['Onboarding', '  First week', 'Policies', 'Travel']);
  await expect(page.getByRole('navigation', { name: 'Breadcrumbs' })).toHaveText('probe1 / Onboarding / First week');
  await pageRow(ada, 'Travel').dragTo(pageRow(ada, 'Policies'));
  await expect.poll(() => pageOutline(ada)).toEqual(['Onboarding', '  First week', 'Policies', '  Travel']);
  await pageRow(ada, 'Policies').dragTo(pageRow(ada, 'Onboarding'), { targetPosition: { x: 40, y: 2 } });
  await expect.poll(() => pageOutline(ada)).toEqual(['Policies', '  Travel', 'Onboarding', '  First week']);
  await pageRow(ada, 'Onboarding').dragTo(pageRow(ada, 'Policies'), { targetPosition: { x: 40, y: 2 } });
  await expect.poll(() => pageOutline(ada)).toEqual(['Onboarding', '  First week', 'Policies', '  Travel']);
  await page.getByRole('button', { name: 'Archive Policies' }).click();
  await expect.poll(() => pageOutline(ada)).toEqual(['Onboarding', '  First week']);
  await page.getByText('Trash (1)').click();
  await page.getByRole('button', { name: 'Restore Policies' }).click();
  await expect.poll(() => pageOutline(ada)).toEqual(['Onboarding', '  First week', 'Policies', '  Travel']);
  await page.screenshot({ path: '/work/main/.probe-tree/tree.png' });
  await page.goto(page.url());
  await expect.poll(() => pageOutline(ada)).toEqual(['Onboarding', '  First week', 'Policies', '  Travel']);
});
