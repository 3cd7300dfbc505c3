import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { ORIGIN, useTestApp } from '../../../../test/app.js';
import { CODE_ALPHABET } from '../../../shared/certificate-number.js';
import { pdfImageCount, pdfQrCodes, pdfText } from '../../../../test/documents.js';
import { KARANGASEM, LOMBOK_BARAT } from '../../../../test/registry-fixtures.js';
import { right, trainingWorld, type TrainingWorld } from '../../../../test/training-fixtures.js';

const t = useTestApp();

/** A participant who attends the whole one-day session and passes the post-test. */
async function completed(w: TrainingWorld, sessionId: string, groupId: string, sex: 'female' | 'male' = 'female') {
  const member = await w.member(groupId, sex);
  const enrolment = (await w.enrol(sessionId, member.id)).json();
  await w.mark(sessionId, '2026-03-02', [{ memberId: member.id, present: true }]);
  await w.postTest(sessionId, enrolment.id, right(5));
  const list = (await w.request('GET', `/api/v1/sessions/${sessionId}/enrolments`, w.trainer)).json().items;
  const mine = list.find((e: { member: { id: string } }) => e.member.id === member.id);
  return { member, certificateId: mine.certificateId as string };
}

const oneDay = (w: TrainingWorld) => w.session({ startsOn: '2026-03-02', endsOn: '2026-03-02' });

describe('training certificates', () => {
  it('print a PDF with the participant, course, dates, trainer and program, whose QR code opens a verification that answers', async () => {
    const w = await trainingWorld(t);
    const session = await oneDay(w);
    const { member, certificateId } = await completed(w, session.id, w.groups.bali.id);
    const response = await w.request('GET', `/api/v1/certificates/${certificateId}.pdf`, w.trainer);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const pdf = response.rawPayload;
    const { pages, text } = await pdfText(pdf);
    expect(pages).toBe(1);
    for (const printed of [member.name, 'Pengemasan produk pangan', '2 Maret 2026', w.trainer.name, w.program.name]) {
      expect(text).toContain(printed);
    }
    const [url] = await pdfQrCodes(pdf);
    expect(url).toBe(`${ORIGIN}/verify/${certificateId}`);

    const verification = await t.request({
      method: 'GET',
      url: `/api/v1/certificates/${new URL(url!).pathname.split('/').at(-1)}/verification`,
    });
    expect(verification.statusCode).toBe(200);
    expect(verification.json()).toMatchObject({
      certificateId,
      status: 'valid',
      participantName: member.name,
      course: { title: { id: 'Pengemasan produk pangan' } },
      startsOn: '2026-03-02',
      endsOn: '2026-03-02',
      programName: w.program.name,
    });
  });

  it('verify publicly with nothing personal beyond the printed name', async () => {
    const w = await trainingWorld(t);
    const session = await oneDay(w);
    const member = (await w.post(`/api/v1/groups/${w.groups.bali.id}/members`, {
      name: 'Ni Wayan Sekar',
      sex: 'female',
      birthYear: 1986,
      joinedOn: '2024-01-01',
      nationalId: '5107064107860001',
      phone: '+62 812 3900 1234',
    })) as { id: string };
    const enrolment = (await w.enrol(session.id, member.id)).json();
    await w.mark(session.id, '2026-03-02', [{ memberId: member.id, present: true }]);
    await w.postTest(session.id, enrolment.id, right(4));
    const id = (await w.request('GET', `/api/v1/sessions/${session.id}/enrolments`, w.trainer)).json().items[0]
      .certificateId;
    const r = await t.request({ method: 'GET', url: `/api/v1/certificates/${id}/verification` });
    expect(Object.keys(r.json()).sort()).toEqual([
      'certificateId',
      'course',
      'endsOn',
      'hours',
      'issuedOn',
      'issuer',
      'number',
      'participantName',
      'place',
      'programName',
      'signer',
      'startsOn',
      'status',
      'trainerName',
      'verificationCode',
    ]);
    for (const secret of ['5107064107860001', '3900', '1986', 'female', member.id, w.groups.bali.id, enrolment.id]) {
      expect(r.body).not.toContain(secret);
    }
    expect(
      (
        await t.request({
          method: 'GET',
          url: '/api/v1/certificates/01936a3e-7b7c-7cc0-8000-000000000009/verification',
        })
      ).statusCode,
    ).toBe(404);
  });

  it('can be revoked by the trainer, and then verify as revoked', async () => {
    const w = await trainingWorld(t);
    const session = await oneDay(w);
    const { certificateId } = await completed(w, session.id, w.groups.bali.id);
    const facilitator = await w.staff('facilitator', { areaCode: KARANGASEM });
    const seen = async (as: typeof facilitator) =>
      (await w.request('GET', `/api/v1/certificates/${certificateId}`, as)).json().abilities;
    expect(await seen(facilitator)).toEqual({ read: true, revoke: false });
    expect(await seen(w.trainer)).toEqual({ read: true, revoke: true });
    expect((await w.request('POST', `/api/v1/certificates/${certificateId}/revoke`, facilitator)).statusCode).toBe(403);
    expect((await w.request('POST', `/api/v1/certificates/${certificateId}/revoke`, w.trainer)).statusCode).toBe(200);
    const r = await t.request({ method: 'GET', url: `/api/v1/certificates/${certificateId}/verification` });
    expect(r.json().status).toBe('revoked');
  });

  it('are revoked by themselves when attendance is corrected downwards, and issued anew when it is put right', async () => {
    const w = await trainingWorld(t);
    const session = await oneDay(w);
    const { member, certificateId } = await completed(w, session.id, w.groups.bali.id);
    const before = (await w.request('GET', `/api/v1/programs/${w.program.id}/training-summary`, w.admin)).json();
    expect(before.people.total).toBe(1);
    await w.mark(session.id, '2026-03-02', [{ memberId: member.id, present: false }]);
    const verification = await t.request({ method: 'GET', url: `/api/v1/certificates/${certificateId}/verification` });
    expect(verification.json().status).toBe('revoked');
    const enrolments = (await w.request('GET', `/api/v1/sessions/${session.id}/enrolments`, w.trainer)).json().items;
    expect(enrolments[0]).toMatchObject({ complete: false, certificateId: null });
    const record = await w.request('GET', `/api/v1/members/${member.id}/training`, w.admin);
    expect(record.json().completed).toEqual([]);
    expect((await w.request('GET', `/api/v1/groups/${w.groups.bali.id}/training`, w.admin)).json().items).toEqual([]);
    const after = (await w.request('GET', `/api/v1/programs/${w.program.id}/training-summary`, w.admin)).json();
    expect(after.people.total).toBe(0);
    const [audit] = await t.database.db.query<{ after: { revokedReason: string; reason: string } }>(
      `SELECT after FROM audit_log WHERE action = 'certificate.revoke' AND entity_id = $1`,
      [certificateId],
    );
    expect(audit!.after).toMatchObject({ revokedReason: 'no_longer_complete', reason: expect.any(String) });

    await w.mark(session.id, '2026-03-02', [{ memberId: member.id, present: true }]);
    const again = (await w.request('GET', `/api/v1/sessions/${session.id}/enrolments`, w.trainer)).json().items[0];
    expect(again.certificateId).toEqual(expect.any(String));
    expect(again.certificateId).not.toBe(certificateId);
    expect(
      (await t.request({ method: 'GET', url: `/api/v1/certificates/${certificateId}/verification` })).json(),
    ).toMatchObject({ status: 'revoked' });
  });

  it('are revoked with a cancelled enrolment; one withdrawn by hand is not issued again by itself', async () => {
    const w = await trainingWorld(t);
    const session = await oneDay(w);
    const first = await completed(w, session.id, w.groups.bali.id);
    const second = await completed(w, session.id, w.groups.bali.id);
    const list = (await w.request('GET', `/api/v1/sessions/${session.id}/enrolments`, w.trainer)).json().items;
    const enrolmentOf = (memberId: string) => list.find((e: { member: { id: string } }) => e.member.id === memberId).id;
    const cancel = await w.request(
      'POST',
      `/api/v1/sessions/${session.id}/enrolments/${enrolmentOf(first.member.id)}/cancel`,
      w.admin,
    );
    expect(cancel.statusCode).toBe(200);
    const verify = async (id: string) =>
      (await t.request({ method: 'GET', url: `/api/v1/certificates/${id}/verification` })).json().status;
    expect(await verify(first.certificateId)).toBe('revoked');
    expect(await verify(second.certificateId)).toBe('valid');
    expect((await w.request('POST', `/api/v1/certificates/${second.certificateId}/revoke`, w.trainer)).statusCode).toBe(
      200,
    );
    await w.mark(session.id, '2026-03-02', [{ memberId: second.member.id, present: true }]);
    expect(await t.database.db.query('SELECT 1 FROM training_certificates WHERE revoked_at IS NULL')).toHaveLength(0);
  });

  it('are downloaded only by people who may see the participant', async () => {
    const w = await trainingWorld(t);
    const session = await oneDay(w);
    const { certificateId } = await completed(w, session.id, w.groups.bali.id);
    const url = `/api/v1/certificates/${certificateId}.pdf`;
    const inGroup = await w.staff('group_member', { groupId: w.groups.bali.id });
    expect((await w.request('GET', url, inGroup)).statusCode).toBe(200);
    for (const outsider of [
      await w.staff('facilitator', { areaCode: LOMBOK_BARAT }),
      await w.staff('group_manager', { groupId: w.groups.lombok.id }),
    ]) {
      expect((await w.request('GET', url, outsider)).statusCode).toBe(404);
      expect((await w.request('GET', `/api/v1/certificates/${certificateId}`, outsider)).statusCode).toBe(404);
    }
    expect((await t.request({ method: 'GET', url })).statusCode).toBe(401);
  });
});

describe('learning records', () => {
  it('list a member’s completed courses, who in a group is trained in what, and trained people by topic and sex within the caller’s area', async () => {
    const w = await trainingWorld(t);
    const session = await oneDay(w);
    const sari = await completed(w, session.id, w.groups.bali.id, 'female');
    await completed(w, session.id, w.groups.bali.id, 'male');
    await completed(w, session.id, w.groups.lombok.id, 'female');

    const record = await w.request('GET', `/api/v1/members/${sari.member.id}/training`, w.admin);
    expect(record.json()).toMatchObject({
      memberId: sari.member.id,
      completed: [{ certificateId: sari.certificateId, course: { topic: 'packaging' }, startsOn: '2026-03-02' }],
    });
    const group = await w.request('GET', `/api/v1/groups/${w.groups.bali.id}/training`, w.admin);
    expect(group.json().items).toHaveLength(2);

    const summary = async (as: typeof w.admin) =>
      (await w.request('GET', `/api/v1/programs/${w.program.id}/training-summary`, as)).json();
    const all = await summary(w.admin);
    expect(all.people).toEqual({ female: 2, male: 1, total: 3 });
    expect(all.byTopic.find((r: { topic: string }) => r.topic === 'packaging')).toEqual({
      topic: 'packaging',
      female: 2,
      male: 1,
      total: 3,
    });
    const lombok = await w.staff('facilitator', { areaCode: LOMBOK_BARAT });
    expect((await summary(lombok)).people).toEqual({ female: 1, male: 0, total: 1 });
    const filtered = await w.request(
      'GET',
      `/api/v1/programs/${w.program.id}/training-summary?area=${KARANGASEM}`,
      w.admin,
    );
    expect(filtered.json().people).toEqual({ female: 1, male: 1, total: 2 });

    const lombokManager = await w.staff('group_manager', { groupId: w.groups.lombok.id });
    expect((await w.request('GET', `/api/v1/members/${sari.member.id}/training`, lombokManager)).statusCode).toBe(404);
    expect((await w.request('GET', `/api/v1/groups/${w.groups.bali.id}/training`, lombok)).statusCode).toBe(404);
  });

  it('carry a typeable number, the hours, the issuer, the place and date of issue and the signing officer', async () => {
    const w = await trainingWorld(t);
    const settings = `/api/v1/programs/${w.program.id}/certificate-settings`;
    // Only the program manager sets who issues and signs; the trainer may read it.
    const byTrainer = await w.request('PUT', settings, w.trainer, { signerName: 'Someone' });
    expect(byTrainer.statusCode).toBe(403);
    const facilitator = await w.staff('facilitator', { areaCode: KARANGASEM });
    expect((await w.request('GET', settings, facilitator)).statusCode).toBe(403);
    const set = await w.request('PUT', settings, w.admin, {
      issuer: 'Dinas Koperasi dan UKM Provinsi Bali',
      signerName: 'Dr. I Made Sudarsana',
      signerTitle: 'Kepala Bidang Pemberdayaan UMKM',
    });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ version: 1, hasSignature: false });
    const stale = await w.request('PUT', settings, w.admin, { version: 7, issuer: 'x' });
    expect(stale.statusCode).toBe(409);
    // A signature: a dark stroke on a wide white page, trimmed and kept as a PNG.
    const drawn = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#ffffff' } })
      .composite([
        {
          input: Buffer.from(
            '<svg width="400" height="120"><path d="M10 100 C 120 0, 200 160, 390 20" stroke="#123" stroke-width="8" fill="none"/></svg>',
          ),
          left: 400,
          top: 300,
        },
      ])
      .jpeg()
      .toBuffer();
    const upload = (data: Buffer, type: string, as = w.admin) => {
      const form = new FormData();
      form.append('signature', new Blob([new Uint8Array(data)], { type }), 'signature');
      return t.request({ method: 'PUT', url: `${settings}/signature`, as, payload: form });
    };
    expect((await upload(drawn, 'image/jpeg', w.trainer)).statusCode).toBe(403);
    const bad = await upload(Buffer.from('not an image'), 'image/png');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toMatchObject([{ path: 'signature', code: 'file_type_photo' }]);
    expect((await upload(drawn, 'image/jpeg')).json()).toMatchObject({ hasSignature: true, version: 2 });
    const stored = await w.request('GET', `${settings}/signature.png`, w.admin);
    const meta = await sharp(stored.rawPayload).metadata();
    expect(meta).toMatchObject({ format: 'png' });
    expect(meta.width! <= 600 && meta.height! <= 200 && meta.width! < 1200).toBe(true);

    const session = await oneDay(w);
    const { member, certificateId } = await completed(w, session.id, w.groups.bali.id);
    const cert = (await w.request('GET', `/api/v1/certificates/${certificateId}`, w.trainer)).json();
    expect(cert.number).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{3}$/);
    expect(cert.number.replaceAll('-', '').slice(0, 10)).toBe(cert.verificationCode);

    // Anyone verifies by the number as they type it: lower case, spaces for dashes.
    const typed = cert.number.toLowerCase().replaceAll('-', ' ');
    const verified = await t.request({
      method: 'GET',
      url: `/api/v1/certificate-verification?number=${encodeURIComponent(typed)}`,
    });
    expect(verified.statusCode).toBe(200);
    expect(verified.json()).toMatchObject({
      certificateId,
      number: cert.number,
      participantName: member.name,
      hours: 16,
      issuer: 'Dinas Koperasi dan UKM Provinsi Bali',
      place: expect.stringContaining('Karangasem'),
      signer: { name: 'Dr. I Made Sudarsana', title: 'Kepala Bidang Pemberdayaan UMKM' },
    });
    // One character mistyped: named as mistyped, in the reader's language, before any lookup.
    const chars = [...cert.number.replaceAll('-', '')];
    chars[3] = CODE_ALPHABET[(CODE_ALPHABET.indexOf(chars[3]) + 1) % CODE_ALPHABET.length];
    const mistyped = await t.request({
      method: 'GET',
      url: `/api/v1/certificate-verification?number=${chars.join('')}`,
      headers: { 'accept-language': 'id' },
    });
    expect(mistyped.statusCode).toBe(400);
    expect(mistyped.json().errors).toMatchObject([{ path: 'query.number', code: 'certificate_number_mistyped' }]);
    expect(mistyped.json().errors[0].message).toContain('nomor sertifikat');

    // The PDF prints all of it, with the signature image beside the QR code.
    const pdf = (await w.request('GET', `/api/v1/certificates/${certificateId}.pdf`, w.trainer)).rawPayload;
    const { text } = await pdfText(pdf);
    for (const printed of [
      cert.number,
      '16 jam',
      'Dinas Koperasi dan UKM Provinsi Bali',
      'Dr. I Made Sudarsana',
      'Kepala Bidang Pemberdayaan UMKM',
      'yang telah menyelesaikan pelatihan',
    ])
      expect(text).toContain(printed);
    expect(text).toMatch(/Karangasem, \d{1,2} \w+ \d{4}/);
    expect(await pdfImageCount(pdf)).toBe(2);

    // A later signer changes nothing on the paper already issued.
    await w.request('PUT', settings, w.admin, { signerName: 'Ni Luh Putu Ariani' });
    const again = await t.request({ method: 'GET', url: `/api/v1/certificates/${certificateId}/verification` });
    expect(again.json().signer.name).toBe('Dr. I Made Sudarsana');
  });
});
