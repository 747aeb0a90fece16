// Guards finding a compound by what people type: part of the name, the code (any case, full-width digits), the address,
// the community or township, pinyin initials of the name or community — in the public list, the planner's list and
// the planner's map filter alike (one match, and the map's filter names the ids it found).
import { describe, expect, it } from 'vitest';
import { matchesQuery, normaliseQuery, pinyinInitials, searchText } from '../../src/lib/programme/search';
import { Filters } from '../../src/lib/state/filters.svelte';
import type { CompoundRecord } from '../../src/lib/data/records';

describe('pinyin initials from the collation', () => {
  it.each([
    ['东关新村', 'dgxc'], ['汾阳', 'fy'], ['太和桥街道', 'thqjd'], ['杏花村镇', 'xhcz'], ['鼓楼北', 'glb'], ['吕梁', 'll'],
    ['峪道河镇', 'ydhz'], ['米家庄', 'mjz'], ['FY-001 小区', 'fy001xq'],
  ])('%s → %s', (text, initials) => expect(pinyinInitials(text)).toBe(initials));
});

describe('matching', () => {
  const dongguan = searchText({ name: '东关新村', code: 'FY-001', address: '汾阳市文峰街道东关社区府学街21号', community: '东关社区', township: '文峰街道' });
  it.each([
    ['关新', true], ['fy-001', true], ['ＦＹ－００１', true], ['FY 001', true], ['府学街21号', true], ['东关社区', true],
    ['文峰', true], ['dgxc', true], ['DGXC', true], ['dgsq', true], ['东关 001', true],
    ['西河', false], ['FY-002', false], ['xhcz', false], ['东关 002', false],
  ])('%s → %s', (q, found) => expect(matchesQuery(dongguan, q)).toBe(found));
  it('folds width and case, drops spaces', () => expect(normaliseQuery(' Ｆｙ－００１ ')).toBe('fy-001'));
});

describe('the planner filter', () => {
  const rec = (id: string, name: string, code: string, community: string, address = ''): CompoundRecord =>
    ({ id, name, code, address, community, township: 't1', stage: 'demand', built_year: 1990, plan_year: 0 }) as unknown as CompoundRecord;
  const list = [rec('a', '东关新村', 'FY-001', 'c1'), rec('b', '西关园', 'FY-002', 'c2', '西河街道西关社区'), rec('c', '', 'FY-003', 'c1')];

  it('matches by community name once the divisions are known, and gives the map the ids it found', () => {
    const f = new Filters();
    f.query = '东关社区';
    expect(list.filter((c) => f.matches(c))).toEqual([]);
    f.divisionNames = new Map([['c1', '东关社区'], ['c2', '西关社区'], ['t1', '文峰街道']]);
    expect(list.filter((c) => f.matches(c)).map((c) => c.id)).toEqual(['a', 'c']);
    expect(f.toExpression(list)).toEqual(['all', true, ['match', ['get', 'id'], ['a', 'c'], true, false]]);
    f.query = 'xgy';
    expect(f.toExpression(list)).toEqual(['all', true, ['match', ['get', 'id'], ['b'], true, false]]);
    f.query = 'nothing-like-this';
    expect(f.toExpression(list)).toEqual(['all', true, ['boolean', false]]);
  });
});
