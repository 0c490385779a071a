import { DomainError } from '../errors/domain-error.js';

/** Languages a quarantine order is printed in. */
export const orderLocales = ['zh', 'en'] as const;

/** One of {@link orderLocales}. */
export type OrderLocale = (typeof orderLocales)[number];

/** The values a template may name as `{{placeholder}}`. */
export const orderPlaceholders = [
  'orderNo',
  'name',
  'residentId',
  'address',
  'measure',
  'place',
  'startDate',
  'endDate',
  'issuer',
  'issuedOn',
] as const;

/** One of {@link orderPlaceholders}. */
export type OrderPlaceholder = (typeof orderPlaceholders)[number];

/** A quarantine-order template: data, so a deployment can replace its wording and legal basis. */
export interface QuarantineOrderTemplate {
  readonly locale: OrderLocale;
  readonly title: string;
  /** The law and articles the order rests on. */
  readonly legalBasis: string;
  /** Paragraphs with `{{placeholder}}` markers. */
  readonly body: readonly string[];
  /** Closing lines (issuer, date) with markers. */
  readonly closing: readonly string[];
  /** Label of each measure value (`centralised`, `home`). */
  readonly measures: Readonly<Record<'centralised' | 'home', string>>;
  /** Place named when the person goes to centralised quarantine and no site is known yet. */
  readonly designatedSite: string;
  /** Shown for a missing value (no address on record). */
  readonly unknown: string;
}

/** The built-in templates; Art. 39 and 41 of the PRC Law on the Prevention and Treatment of Infectious Diseases. */
export const defaultQuarantineOrderTemplates: Readonly<Record<OrderLocale, QuarantineOrderTemplate>> = {
  zh: {
    locale: 'zh',
    title: '隔离医学观察通知书',
    legalBasis: '依据《中华人民共和国传染病防治法》第三十九条、第四十一条',
    body: [
      '编号：{{orderNo}}',
      '{{name}}（身份证号：{{residentId}}，住址：{{address}}）：',
      '经流行病学调查，您被判定为需要管理的人员。根据上述法律规定，现决定对您实施{{measure}}，地点：{{place}}，期限自{{startDate}}起至{{endDate}}止。',
      '隔离期间请配合核酸检测和健康监测，不得擅自离开隔离地点。如有发热、咳嗽等症状，请立即报告。',
      '如对本决定不服，可依法申请行政复议或者提起行政诉讼。',
    ],
    closing: ['{{issuer}}疫情防控指挥部', '{{issuedOn}}'],
    measures: { centralised: '集中隔离医学观察', home: '居家隔离医学观察' },
    designatedSite: '指定集中隔离场所',
    unknown: '不详',
  },
  en: {
    locale: 'en',
    title: 'Quarantine Order',
    legalBasis: 'Under Articles 39 and 41 of the Law of the PRC on the Prevention and Treatment of Infectious Diseases',
    body: [
      'Order no. {{orderNo}}',
      'To {{name}} (resident ID {{residentId}}, address: {{address}}):',
      'An epidemiological investigation has found that you must be placed under management. Under the law cited above you are ordered into {{measure}} at {{place}} from {{startDate}} until {{endDate}} inclusive.',
      'During quarantine, take the scheduled tests, report fever, cough or other symptoms at once, and do not leave the place of quarantine.',
      'You may apply for administrative reconsideration of this order or bring an administrative lawsuit.',
    ],
    closing: ['Epidemic Prevention and Control Headquarters, {{issuer}}', '{{issuedOn}}'],
    measures: { centralised: 'centralised quarantine under medical observation', home: 'home quarantine under medical observation' },
    designatedSite: 'the designated quarantine site',
    unknown: 'unknown',
  },
};

const MARKER = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

/**
 * Replaces every `{{placeholder}}` of a line with its value.
 * @param line - template text
 * @param values - a value per placeholder
 * @throws DomainError validation_failed naming an unknown placeholder
 */
export function fillOrderLine(line: string, values: Readonly<Record<OrderPlaceholder, string>>): string {
  return line.replace(MARKER, (_, key: string) => {
    if (!(orderPlaceholders as readonly string[]).includes(key)) {
      throw new DomainError('validation_failed', { field: 'template', reason: `unknown placeholder {{${key}}} in "${line}"` });
    }
    return values[key as OrderPlaceholder];
  });
}

/** An order ready to print: the template's lines filled for one person. */
export interface FilledOrder {
  readonly title: string;
  readonly legalBasis: string;
  readonly body: readonly string[];
  readonly closing: readonly string[];
}

/**
 * Fills a template for one person.
 * @param template - the template
 * @param values - a value per placeholder
 */
export function fillQuarantineOrder(template: QuarantineOrderTemplate, values: Readonly<Record<OrderPlaceholder, string>>): FilledOrder {
  return {
    title: fillOrderLine(template.title, values),
    legalBasis: fillOrderLine(template.legalBasis, values),
    body: template.body.map((line) => fillOrderLine(line, values)),
    closing: template.closing.map((line) => fillOrderLine(line, values)),
  };
}
