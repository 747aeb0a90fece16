// Demo consent surveys (示例数据): each demo compound's resident consent comes from a door-to-door survey record, as
// real figures do — the server sets the compound's consent from it (pb_hooks/lib/consent.js). The survey's tally is
// taken from the generated consent figure and the compound's households; its date is the generated survey date.

/**
 * @param {Array<{properties: Record<string, any>}>} compounds demo compound features (with consent_pct, consent_date, households)
 * @param {(kind: string, key: string) => string} stableId
 * @returns {Array<{collection: string, body: Record<string, unknown>}>} batch items, to follow the compounds' private facts
 */
export function consentSurveyItems(compounds, stableId) {
  const items = [];
  for (const f of compounds) {
    const p = f.properties;
    if (!p.consent_date || !(p.households > 0)) continue;
    const total = p.households;
    const agreeing = Math.round((p.consent_pct / 100) * total);
    // Nearly every household answers; the agreeing ones are a share of all households.
    const surveyed = Math.max(agreeing, Math.min(total, Math.round(total * 0.97)));
    items.push({
      collection: 'consent_surveys',
      body: {
        id: stableId('consent_survey', p.code),
        compound: stableId('compound', p.code),
        survey_date: p.consent_date,
        households_total: total,
        households_surveyed: surveyed,
        households_agreeing: agreeing,
        method: 'door_to_door',
        note: '示例数据:入户调查',
        is_demo: true,
      },
    });
  }
  return items;
}

/**
 * Demo contacts (示例数据) for the first compounds: a contact person, role and phone in compound_notes (staff only), so
 * the panel's contacts section is not empty for a new user. Names and numbers are made up.
 * @param {Array<{properties: Record<string, any>}>} compounds demo compound features
 * @param {(kind: string, key: string) => string} stableId
 */
export function demoContactItems(compounds, stableId) {
  const roles = ['社区党支部书记', '楼长', '业主代表', '原产权单位联系人'];
  const surnames = ['王', '李', '张', '刘', '陈', '杨', '赵', '郭'];
  return compounds.slice(0, 12).map((f, i) => ({
    collection: 'compound_notes',
    body: {
      id: stableId('compound_notes', f.properties.code),
      compound: stableId('compound', f.properties.code),
      contact_name: `${surnames[i % surnames.length]}某(示例)`,
      contact_role: roles[i % roles.length],
      contact_phone: `0358-72${String(10000 + i * 37).slice(-5)}`,
      internal_notes: '示例数据:联系人与电话为虚构,仅供演示。',
    },
  }));
}
