import type { VerificationAnswer } from '../../shared/schemas/training.js';
import type { UiLocale } from '../../shared/locales.js';
import { localized } from '../../shared/localized.js';
import { formatDate, markup, pageTitle, translator, type RenderedPage } from './page.js';

/**
 * /verify/{id or printed number}: whether the certificate is valid, and what it certifies. It names
 * a person: search engines are asked to leave it out, a shared link still previews.
 */
export function verifyPage(asked: string, v: VerificationAnswer, locale: UiLocale): RenderedPage {
  const t = translator(locale);
  const status = t(v.status === 'valid' ? 'verify.valid' : 'verify.revoked');
  const course = localized(v.course.title, locale) ?? '';
  const issued = formatDate(v.issuedOn, locale);
  return {
    title: pageTitle(`${t('verify.title')} ${v.number}`),
    description: `${status}: ${course}, ${v.programName}.`,
    path: `/verify/${encodeURIComponent(asked)}`,
    ogType: 'website',
    noindex: true,
    body: markup`<main class="page"><section class="panel narrow verify ${v.status}" aria-labelledby="verify-title"><h1 id="verify-title">${t('verify.title')}</h1><p class="verify-status" role="status">${status}</p><dl><dt>${t('verify.number')}</dt><dd class="code">${v.number}</dd><dt>${t('verify.participant')}</dt><dd>${v.participantName}</dd><dt>${t('verify.course')}</dt><dd>${course}${
      v.hours ? ` · ${t('verify.hours', { hours: v.hours })}` : ''
    }</dd><dt>${t('verify.dates')}</dt><dd>${formatDate(v.startsOn, locale)} – ${formatDate(v.endsOn, locale)}</dd><dt>${t('training.trainer')}</dt><dd>${v.trainerName}</dd><dt>${t('verify.issuer')}</dt><dd>${
      v.issuer ? `${v.issuer} · ${v.programName}` : v.programName
    }</dd><dt>${t('verify.issued')}</dt><dd>${v.place ? `${v.place}, ${issued}` : issued}</dd>${
      v.signer
        ? markup`<dt>${t('verify.signer')}</dt><dd>${v.signer.title ? `${v.signer.name}, ${v.signer.title}` : v.signer.name}</dd>`
        : null
    }</dl></section></main>`,
  };
}

/** The page of a certificate id or number that is not one: mistyped (its check character is wrong) or unknown. */
export function unknownCertificatePage(asked: string, mistyped: boolean, locale: UiLocale): RenderedPage {
  const t = translator(locale);
  const text = t(mistyped ? 'verify.mistyped' : 'verify.unknown');
  return {
    title: pageTitle(t('verify.title')),
    description: text,
    path: `/verify/${encodeURIComponent(asked)}`,
    ogType: 'website',
    noindex: true,
    body: markup`<main class="page"><section class="panel narrow warning" aria-labelledby="verify-title"><h1 id="verify-title">${t('verify.title')}</h1><p role="alert">${text}</p><p><a href="/verify">${t('verify.byNumber')}</a></p></section></main>`,
  };
}
