// Demo residents' participation (示例数据), written through the same routes residents and townships use, after the demo
// programme is loaded: an open scheme publication with comments (some answered) and a consent round with household
// codes partly answered online and on paper; a publication that has ended (its consultation record written by the
// server); satisfaction ratings of accepted compounds. Every record carries is_demo; the tallies are the server's.

const SUMMARY = '示例数据:拟实施屋面防水、外墙保温、雨污分流改造,更换供水管网,增设路灯与监控门禁;' +
  '利用小区北侧闲置空地建设停车位和充电桩。施工期约 5 个月,分两期实施,期间保留一条通行道路。';

const COMMENTS = [
  ['希望同步更换楼道的老化电线。', '3号楼住户', '已纳入楼道电线更换,按基础类实施。'],
  ['停车位能否优先安排给本小区住户?', '', '停车位按小区住户优先、登记排队的方式分配,详见后续公告。'],
  ['施工期间请注意老人出行安全。', '王阿姨', ''],
];

async function post(pb, path, body) {
  return pb.send(path, { method: 'POST', body, requestKey: null });
}

/**
 * @param {import('pocketbase').default} pb a superuser client
 */
export async function seedParticipationDemo(pb) {
  const compounds = await pb.collection('compounds').getFullList({ fields: 'id,code,name,stage,households,township', sort: 'code', requestKey: null });
  const at = (stage) => compounds.filter((c) => c.stage === stage && c.households >= 20);
  const schemes = [...at('scheme'), ...at('demand')];
  const accepted = [...at('accepted'), ...at('maintained')];
  const week = new Date(Date.now() + 7 * 86400e3).toISOString();

  // An open publication with comments, and a consent round on it.
  if (schemes[0]) {
    const c = schemes[0];
    const pub = await pb.collection('scheme_publications').create({ compound: c.id, title: `${c.name}改造方案公示`, summary: SUMMARY, ends_at: week, is_demo: true }, { requestKey: null });
    for (const [message, nickname, answer] of COMMENTS) {
      const rec = await pb.collection('scheme_comments').create({ publication: pub.id, message, nickname, is_demo: true }, { requestKey: null });
      if (answer) await pb.collection('scheme_comments').update(rec.id, { answer }, { requestKey: null });
    }
    const round = await pb.collection('consent_campaigns').create({ compound: c.id, publication: pub.id, is_demo: true, note: '示例数据' }, { requestKey: null });
    const { slips } = await post(pb, '/api/fy/codes', { kind: 'consent', campaign: round.id, households: Array.from({ length: 12 }, (_, i) => `1-${101 + i}`) });
    const answers = ['agree', 'agree', 'agree', 'disagree', 'agree', 'agree'];
    for (let i = 0; i < answers.length; i++) await post(pb, '/api/fy/answers/consent', { compound: c.code, code: slips[i].code, answer: answers[i] });
    for (let i = 6; i < 8; i++) await post(pb, '/api/fy/answers/paper', { compound: c.code, code: slips[i].code, answer: 'agree' });
  }
  // A publication that has ended: the server counts its comments and writes the consultation record.
  if (schemes[1]) {
    const c = schemes[1];
    const pub = await pb.collection('scheme_publications').create({ compound: c.id, title: `${c.name}改造方案公示`, summary: SUMMARY, ends_at: week, is_demo: true }, { requestKey: null });
    const rec = await pb.collection('scheme_comments').create({ publication: pub.id, message: '同意方案,希望尽快开工。', is_demo: true }, { requestKey: null });
    await pb.collection('scheme_comments').update(rec.id, { answer: '感谢支持,计划明年春季开工。' }, { requestKey: null });
    await pb.collection('scheme_comments').create({ publication: pub.id, message: '建议增加晾衣场地。', is_demo: true }, { requestKey: null });
    await pb.collection('scheme_publications').update(pub.id, { ends_at: new Date().toISOString() }, { requestKey: null });
  }
  // Ratings after acceptance: an open round, and a closed round with household codes.
  const scores = [[5, 4, 4], [4, 4, 3], [5, 5, 4], [3, 4, 3], [4, 5, 5]];
  const comments = ['电梯和路面都很好。', '', '施工期间噪音较大,总体满意。', '物业服务还需加强。', ''];
  for (const [k, c] of accepted.slice(0, 2).entries()) {
    const round = await pb.collection('rating_campaigns').create({ compound: c.id, mode: k === 0 ? 'open' : 'codes', is_demo: true }, { requestKey: null });
    const codes = k === 0 ? [] : (await post(pb, '/api/fy/codes', { kind: 'rating', campaign: round.id, households: scores.map((_, i) => `${i + 1}`) })).slips.map((s) => s.code);
    for (const [i, [quality, management, property]] of scores.entries()) {
      await post(pb, '/api/fy/answers/rating', { compound: c.code, code: codes[i], quality, management, property, comment: comments[i] });
    }
    if (k === 1) await pb.collection('rating_campaigns').update(round.id, { status: 'closed' }, { requestKey: null });
  }
}
