import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page, type Route } from 'playwright-core';
import { ROOT } from './server.js';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });

/** A phone: 360 × 740 CSS pixels, touch. */
/**
 * A phone whose browser speaks `locale` (the first visit follows the browser's languages): an
 * Indonesian one unless told.
 */
export async function phonePage(browser: Browser, baseURL: string, locale = 'id-ID'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, baseURL, locale });
  return context.newPage();
}

const SHOTS = join(ROOT, 'test-results', 'screenshots');

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** No element sticks out past the viewport's right edge. */
export const hasNoHorizontalScroll = (page: Page) =>
  page.evaluate<boolean>('document.documentElement.scrollWidth <= document.documentElement.clientWidth');

/**
 * The app has started on a page the server rendered and taken its place (src/web/main.tsx): its top
 * bar shows. Until then the page is the server's HTML, which has no top bar.
 */
export const appStarted = (page: Page) => page.locator('header.bar').waitFor();

/**
 * The main navigation, with the top bar's menu opened first when the screen is narrow enough to
 * hide it behind the menu button (a phone); on a wide screen the links are in the bar already.
 */
export async function menu(page: Page) {
  const button = page.getByRole('button', { name: /^(Menu|メニュー|เมนู|Trình đơn)$/ });
  await page.locator('header.bar').waitFor();
  if ((await button.isVisible()) && (await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  return page.getByRole('navigation');
}

/** Switches the interface language with the switcher in the top bar's menu. */
export async function chooseLanguage(page: Page, locale: 'id' | 'en' | 'ja' | 'th' | 'vi'): Promise<void> {
  await menu(page);
  await page.getByTestId('language').selectOption(locale);
}

/** The top bar's height in CSS pixels. */
export async function barHeight(page: Page): Promise<number> {
  const box = await page.locator('header.bar').boundingBox();
  if (!box) throw new Error('no top bar');
  return box.height;
}

/** Signs in from the app's sign-in screen, in Indonesian, and waits for the home screen. */
export async function signIn(page: Page, who: { email: string; password: string }): Promise<void> {
  await page.goto('/app');
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Kata sandi').fill(who.password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('heading', { name: /Halo/ }).waitFor();
}

/**
 * Signs in online and waits until the service worker serves the app, then loads it once more through
 * the worker, so what the screens read from then on is kept for use offline.
 */
export async function signInWithWorker(page: Page, who: { email: string; password: string }): Promise<void> {
  await signIn(page, who);
  type Browserish = { navigator: { serviceWorker: { controller: unknown } } };
  await page.waitForFunction(
    () => (globalThis as unknown as Browserish).navigator.serviceWorker.controller !== null,
    undefined,
    { timeout: 60_000 },
  );
  await page.reload();
  await page.getByRole('heading', { name: /Halo/ }).waitFor();
}

/** Cuts the network for the pages and the service worker alike; returns the function that restores it. */
export async function cutNetwork(context: BrowserContext): Promise<() => Promise<void>> {
  const fromWorker = (route: Route) =>
    route.request().serviceWorker() ? route.abort('internetdisconnected') : route.fallback();
  await context.route('**', fromWorker);
  await context.setOffline(true);
  return async () => {
    await context.unroute('**', fromWorker);
    await context.setOffline(false);
  };
}
