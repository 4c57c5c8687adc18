import { describe, expect, it } from 'vitest';
import { accountNavFor, isCurrent, primaryNavFor, returnPath, roleMay } from './session-access';
import { TEST_USERS } from './session-test-data';

describe('roleMay', () => {
  it('follows the API: tokens for analysts and admins, users for admins, the audit trail for admins and leadership, imports for admins and regional teams', () => {
    const table = (['ADMIN', 'ANALYST', 'LEADERSHIP', 'REGIONAL'] as const).map((role) => [
      role,
      roleMay(role, 'apiTokens'),
      roleMay(role, 'users'),
      roleMay(role, 'audit'),
      roleMay(role, 'import'),
    ]);
    expect(table).toEqual([
      ['ADMIN', true, true, true, true],
      ['ANALYST', true, false, false, false],
      ['LEADERSHIP', false, false, true, false],
      ['REGIONAL', false, false, false, true],
    ]);
    expect(roleMay(null, 'audit')).toBe(false);
  });
});

describe('the navigation of each role', () => {
  it('lists the pages each may use', () => {
    const paths = (role: keyof typeof TEST_USERS) => ({
      primary: primaryNavFor(TEST_USERS[role]).map((item) => item.to),
      account: accountNavFor(TEST_USERS[role]).map((item) => item.to),
    });
    const data = ['/', '/regions', '/partners', '/contributions', '/explorer'];
    const withImport = ['/', '/regions', '/partners', '/contributions', '/import', '/explorer'];
    expect(paths('ADMIN')).toEqual({
      primary: [...withImport, '/audit'],
      account: ['/settings/tokens', '/admin/users'],
    });
    expect(paths('LEADERSHIP')).toEqual({ primary: [...data, '/audit'], account: [] });
    expect(paths('ANALYST')).toEqual({ primary: data, account: ['/settings/tokens'] });
    expect(paths('REGIONAL')).toEqual({
      primary: ['/', '/regions', '/regions/RBN', '/partners', '/contributions', '/import', '/explorer'],
      account: [],
    });
  });
});

describe('isCurrent', () => {
  const [overview, regions, myRegion] = primaryNavFor(TEST_USERS.REGIONAL);

  it('marks the overview on / only, and a section on its pages', () => {
    if (!overview || !regions || !myRegion) throw new Error('missing items');
    expect(isCurrent(overview, '/')).toBe(true);
    expect(isCurrent(overview, '/regions')).toBe(false);
    expect(isCurrent(regions, '/regions')).toBe(true);
    expect(isCurrent(regions, '/regions/RBB')).toBe(true);
    expect(isCurrent(regions, '/regionsX')).toBe(false);
    expect(isCurrent(regions, '/regions/RBN')).toBe(false);
    expect(isCurrent(myRegion, '/regions/RBN')).toBe(true);
  });
});

describe('returnPath', () => {
  it('comes back to a page of the dashboard, with its search, and nowhere else', () => {
    expect(returnPath('/partners?year=2024#top')).toBe('/partners?year=2024#top');
    expect(returnPath(undefined)).toBe('/');
    expect(returnPath('https://evil.example/')).toBe('/');
    expect(returnPath('//evil.example/')).toBe('/');
    expect(returnPath('/\\evil.example/')).toBe('/');
    expect(returnPath('/sign-in?x=1')).toBe('/');
  });
});
