// Headers → which contact field each column feeds. detectPreset() scores the known
// exports (presets.ts); proposeMapping() maps by preset first and by the generic
// names below (English, Russian, Chinese Outlook's; Spanish, French, German, Portuguese,
// Polish) for the rest, so the UI can show a mapping screen;
// applyMapping() turns one row into a ImportedContact with a user-given mapping.
import { type ColumnMapping, CONTACT_FIELDS, type ContactField, DATE_IN_TEXT, EMAIL_SHAPE, freeKey, headerKey, type ImportedContact, isBlank, MULTI_FIELDS, nameOfParts, numberText, numericRefs, phoneShaped, placeholderPhone, plainKey, samePhone, withoutDirectionMarks } from './fields';
import { normaliseName } from './dedupe';
import { hasLegalForm } from '../model/identity';
import { PRESETS, type Preset, type PresetId } from './presets';
import { profileUrlKey } from '../extract/urls';

/** Generic header names, as headerKey()s or patterns over them. */
const GENERIC: Array<[ContactField, (string | RegExp)[]]> = [
  ['name', ['name', '姓名', '真实姓名', '真實姓名', 'fullname', 'completename', 'nfn', 'crmname', 'membername', 'customername', 'clientname', 'subscribername', 'attendeename', 'participantname', 'guestname', 'contatoprincipal', 'primarycontact', 'основнойконтакт', 'nombrecompleto', 'nomcomplet', 'nomecompleto', 'vollstandigername', 'contactname', 'displayname', 'personname', 'contact', 'contactperson', 'pessoadecontato', 'personadecontacto', 'contactfullname', 'фио', 'полноеимя', 'полноеимяконтакта', 'имяфамилия', 'фамилияимя', 'фамилияимяотчество', 'имяфамилияотчество', 'контакт', 'имяконтакта', 'клиент',
    // the person to ask for at a client (MS Access's Russian Northwind "ОбращатьсяК"; 1C's and many lists' "Контактное лицо")
    'обращатьсяк', 'контактноелицо', 'фиоконтактноголица', 'контактноелицофио',
    // the display name in Thunderbird's German and Odoo's Spanish and French exports
    'anzeigename', 'nombremostrado', 'nomaffiche',
    // Ukrainian: a hand-kept list's "Назва" (its name), "ПІБ"
    'назва', 'піб', 'прізвищеімя', 'прізвищеімяпобатькові', 'імяпрізвище',
    // Chinese (Thunderbird's 显示名称), Korean, Japanese, Turkish
    '显示名称', '顯示名稱', '客户姓名', '联系人姓名', '이름', '성명', '氏名', '名前', 'adsoyad', 'adisoyadi', 'isim', 'isimsoyisim', 'adsoyadi',
    // Hebrew, Arabic
    'שם', 'שםמלא', 'אישקשר', 'الاسم', 'اسم', 'الاسمالكامل']],
  // (and Outlook's Chinese export: 名, 中间名, 姓, 电子邮件地址, 移动电话, 单位, 职务, 附注)
  // (Tine 2.0's own column names: n_given, n_middle, n_family, n_fn, org_name, tel_work, tel_cell…)
  ['firstName', ['firstname', 'givenname', 'forename', 'first', 'имя', 'імя', '名', 'nombre', 'prenom', 'vorname', 'nome', 'primeironome', 'imie', 'ngiven', 'cntctfst', '名字', 'jmeno', 'voornaam', 'nomedibattesimo', 'adi', 'שםפרטי', 'الاسمالأول']],
  ['middleName', ['middlename', 'middle', 'middleinitial', 'additionalname', 'secondname', 'patronymic', 'отчество', 'побатькові', '中间名', 'nmiddle', 'cntctmid']],
  ['lastName', ['lastname', 'surname', 'familyname', 'last', 'фамилия', 'прізвище', '姓', 'apellidos', 'apellido', 'nom', 'nomdefamille', 'nachname', 'familienname', 'sobrenome', 'apelido', 'nazwisko', 'nfamily', 'cntctlst', '姓氏', '성', 'prijmeni', 'achternaam', 'cognome', 'soyad', 'soyadi', 'soyisim', 'soyismi', 'שםמשפחה', 'اسمالعائلة']],
  ['email', [/^e?mail\d*(value|address)?\d*$/, /^e?mail(address)?(home|work|other|personal|business|private)\d*$/, /^(work|personal|business|primary|secondary|second|other|general|home|office|alt|alternate|alternative)e?mail(address)?\d*$/,
    // Apple Contacts' German export ("Arbeit E-Mail", "Privat E-Mail", "Andere E-Mail")
    /^(arbeit|privat|andere|weitere|geschaftlich)e?mail\d*$/,
    // Thunderbird's German and French ("Primäre E-Mail-Adresse", "Adresse électronique principale")
    /^(primare|sekundare)e?mailadresse$/, /^adresseelectronique(principale|secondaire)?$/, 'nonprimaryemails', /^emailaddress\d*$/, 'почта', 'электроннаяпочта', 'эпочта', /^(рабочий|личный|частный|другой)?e?mail$/, /^(рабочий|личный|частный)?(?:емейл|имэйл|имейл)$/, 'emailid', /^emails\d+email$/, /^эл(ектронные|ектронный)?адреса?$/, /^электронныеадреса$/, /^电子邮件\d*地址$/, /^(主要|次要|工作|个人)?电子邮(件|箱)$/, '邮箱', '電子郵件', '이메일', '전자우편', 'メールアドレス', 'メール', 'emailovaadresa', 'eposta', 'epostaadresi', 'emailadres', 'correo', 'correoelectronico', 'courriel', 'adresseemail', 'emailadresse', 'enderecodeemail', 'emails', 'emailcomercial', 'emailpessoal', 'outroemail', 'emailpersonal', 'emaildelaempresa', 'emailempresa', 'emailcorporativo', 'correodelaempresa', 'correopersonal', 'correocorporativo', 'accountemail', 'accountemailaddress', 'דואל', 'אימייל', 'מייל', 'דואראלקטרוני', 'البريدالإلكتروني', 'البريدالالكتروني', 'الايميل', 'الإيميل']],
  ['phone', [/^(phone|telephone|tel|mobile|cell|cellphone)\d*(number|value)?$/, /^(work|business|mobile|home|primary|direct|workdirect|other|first|general|office|main)(tele)?phone\d*(number)?$/, /^(general|home|business|work|personal)mobile\d*$/, /^(home|work|office|other)number$/, /^(рабочий|мобильный|сотовый|домашний|контактный|другой|дополнительный)?телефон(?:ы)?$/, /^phones\d+phone$/, 'мобильный', 'тел', /^(корпоративный|личный|мобильный|рабочий|домашний|сотовый)номер(тел|телефона)?$|^номер(тел|телефона)$/, 'телефоны', 'defaultaddressphone', '移动电话', '商务电话', '住宅电话', '主要电话', '手机', '手机号', '手机号码', '电话', '联系电话', '固话', '固定电话', '座机', '手機', '電話', '전화', '전화번호', '휴대폰', '휴대전화', '電話番号', '携帯電話', 'telefoonnummer', 'mobiel', 'ceptelefonu', /^(numerode)?tel[eé]fono(movil|fijo|personal|trabajo|oficina)?$/, 'movil', 'celular', /^celular(personal|trabajo|empresa|corporativo)$/, /^(mobil|auto|weiteres|arbeit|privat|andere|haupt)?telefon\d*(geschäftlich|geschaftlich|privat|firma|mobil)?\d*$/,
    // Thunderbird's German and French numbers
    'teldienstlich', 'telprivat', 'mobiltelnr', 'telprofessionnel', 'telpersonnel', 'telportable', 'telefonnummer', 'handy', 'buro', 'buero', 'mobil', 'mobilnummer', 'portable', 'numerodetelephone', 'telephonefixe', 'telephoneportable', 'telephone', 'telephonemobile', /^telefones?\d*$/,
    // Hebrew, Arabic
    'טלפון', 'מסטלפון', 'מספרטלפון', 'טלפוןנייד', 'נייד', 'פלאפון', 'סלולרי', 'هاتف', 'الهاتف', 'رقمالهاتف', 'جوال', 'الجوال', 'رقمالجوال', 'telemovel', 'phonenumbers', 'telefonecomercial', 'teldiretocom', 'telefoneresidencial', 'outrotelefone', /^phone(mobile|home|work|business|office|direct|other)\d*$/, /^tel(work|cell|home|cellprivate|other|car|prefer|assistent)$/]],
  ['company', ['company', 'companyname', 'defaultaddresscompany', 'organization', 'organisation', 'organizationname', 'organization1name', /^accounts\d+accountname$/, 'org', 'account', 'accountname', 'employer', 'компания', 'организация', 'названиекомпании', 'название', 'наименование', 'наименованиеконтрагента', 'контрагент', 'חברה', 'שםהחברה', 'الشركة', 'работодатель', 'местоработы', 'компанияконтакта', '单位', '公司', '회사', '회사명', '会社名', '会社', 'bedrijf', 'azienda', 'sirket', 'şirket', 'societa', 'empresa', 'compania', 'entreprise', 'societe', 'firma', 'unternehmen', 'organizacion', 'organizacao', 'companies',
    // a client company (Russian lists' "Заказчик"); a prospecting CRM's lead, which is a company (Exact Spotter's "Nome lead")
    'заказчик', 'nomelead', 'компанія', 'організація', 'замовник',
    // a lead list of businesses (Google Maps scrapers' "Business Name"); Kommo's lead's company ("Empresa lead 's")
    'businessname', 'empresaleads', 'empresalead',
    // Odoo's person's company (res.partner's parent), as its export labels it in English, German, French, Spanish, Russian
    'relatedcompany', 'verbundenesunternehmen', 'societeliee', 'empresarelacionada', 'companiarelacionada', 'связаннаякомпания', 'orgname']],
  ['position', ['position', 'profession', 'occupation', 'arbeitstitel', 'title', 'jobtitle', 'role', 'job', 'organizationtitle', 'organization1title', 'должность', 'посада', 'posicion', 'должностьконтакт', 'позиция', '职务', '职位', '職稱', '職位', '직책', '직위', '役職', 'funkce', 'functie', 'unvan', 'ruolo', 'cargo', 'puesto', 'poste', 'fonction', 'berufsbezeichnung', 'stanowisko', 'posicao', 'function', 'postejob', 'תפקיד', 'المسمىالوظيفي']],
  ['city', [/^(arbeits|privat)adressestadt$/, /^(privat|dienstlich)ort$/, 'adronelocality', 'city', 'town', 'location', 'mailingcity', 'businesscity', 'homecity', 'generalcity', 'primaryaddresscity', 'defaultaddresscity', 'addresscity', 'address1city', /^addresses\d+city$/, 'billingcity', 'addressmailcity', 'addressmailingcity', 'maincity', 'город', 'місто', 'населенныйпункт', 'ciudad', 'localidad', 'municipio', 'ville', 'stadt', 'ort', 'cidade', 'miasto', '城市', '도시', '市区町村', 'mesto', 'woonplaats', 'plaats', 'citta', 'sehir', 'עיר', 'المدينة']],
  ['country', [/^(business|home|other|mailing|billing|general|primaryaddress|address|main)?country(region)?(name)?$/, 'странаилирегион', /^paysregion(domicile|travail)?$/, 'address1country', 'addressmailcountry', 'addressmailingcountry', 'defaultaddresscountrycode', 'страна', 'странапроживания', 'pais', 'pays', 'land', 'kraj', '国家', '國家', '국가', '国', 'zeme', 'paese', 'ulke']],
  ['notes', ['notes', 'note', 'memo', 'comment', 'comments', 'description', 'remarks', 'заметки', 'заметка', 'примечание', 'примечания', 'комментарий', 'комментарии', 'описание', '附注', '备注', 'notas', 'nota', 'notizen', 'notiz', 'bemerkungen', 'commentaire', 'commentaires', 'observaciones', 'comentarios', 'observacoes', 'הערות', 'הערה', 'ملاحظات']],
  ['profileUrl', ['url', 'profileurl', 'profile', 'defaultprofileurl', 'publicprofileurl', 'linkedin', 'linkedinurl', 'personlinkedinurl', 'linkedinprofile', 'linkedinprofileurl', 'vk', 'vkontakte', 'vkurl', 'vkprofile', 'вконтакте', 'вк', 'facebook', 'facebookurl', 'facebookprofile', 'fb', 'профиль', 'ссылканапрофиль', /^(person)?linkedin(page|url|profile|profileurl)?$/, /^social(linkedin|facebook|vk|vkontakte)(url)?$/]],
  ['website', ['website', 'homepage', /^(webseite|siteweb)\d$/, /^(personal|business|company|home|work)website\d*$/, 'web', 'webpage', 'site', 'websiteurl', 'website1value', 'webaddress', 'generalwebaddress', 'сайт', 'корпоративныйсайт', 'рабочийсайт', 'личныйсайт', 'сайткомпании', 'sitioweb', 'siteweb', 'webseite']],
  ['crmId', ['id', 'idexterno', 'idexterne', 'externeid', 'recordid', 'recordidcontact', 'contactid', 'crmid', 'externalid', 'personid', 'customerid', 'listid', 'ид', 'идентификатор', 'кодклиента', 'idderegistro']],
  ['birthday', ['birthday', 'bday', 'birthdate', 'dateofbirth', 'dob', 'деньрождения', 'датарождения', '生日', 'fechadenacimiento', 'datedenaissance', 'geburtstag', 'geburtsdatum', 'datadenascimento', 'cumpleanos']],
  ['tags', ['tags', 'tag', 'labels', 'etiqueta', 'categories', 'category', 'groupmembership', 'теги', 'метки', 'категории', 'etiquetas', 'etiquettes']],
  ['stage', ['lifecyclestage', 'leadstatus', 'stage', 'status', 'стадия', 'этап', 'статус', 'статуслида']],
  ['connectedOn', ['connectedon', 'connectiondate', 'датаподключения']],
  ['owner', ['owner', 'contactowner', 'leadowner', 'accountowner', 'personowner', 'recordowner', 'assignedto', 'responsible', 'ответственный', 'ответственныйзаконтакт', 'ответственныйменеджер', 'менеджер', 'propietario', 'propietariodelcontacto', 'proprietaire', 'proprietario', 'responsavel']],
];

/**
 * The kind of a phone or an address a column's name ends with after a dash (Pipedrive's "Telefone -
 * Trabalho", "E-mail - Outros", "Phone - Mobile"), in the languages CRMs export in.
 */
const TYPE_SUFFIX = /^(?:work|home|mobile|cell|other|office|main|personal|private|business|trabalho|residencial|celular|outros?|comercial|pessoal|trabajo|casa|movil|otros?|travail|domicile|portable|autres?|arbeit|privat|mobil|sonstige|geschaftlich|работа|рабочий|домашний|мобильный|другой|личный)$/;

/** What a column name says of whose column it is, at its end ("Celular (contato)", "E-mail do Cliente", Axonaut's "Prénom du contact"). */
const WHOSE = /(?:primarycontact)?(?:d[oau])?(?:contato|cliente|contact|контакт)$/;

export function genericField(header: string): ContactField | null {
  const key = plainKey(header);
  if (!key) return null;
  // a meeting's attendance report names each person in a column of that name alone (Zoom's "Attendee");
  // "Attendee #" is the ticket's number
  if (/^\s*(?:attendee|participant|teilnehmer|participante|участник)\s*$/i.test(header)) return 'name';
  // a column that says whose it is: Kommo's "Celular (contato)", "E-mail do Cliente", amoCRM's "(контакт)",
  // Dynamics 365's lookup "Email (Primary Contact) (Contact)", Pipedrive's "Person - E-Mail" in any language
  // … or before it (PrestaShop's "Customer e-mail*"); a format hint after the name ("Birthday (yyyy-mm-dd)")
  const hinted = plainKey(header.replace(/\([^()]*\)/g, ' '));
  const typed = /^(.*\S)\s+-\s+([^-]+)$/.exec(header.trim());
  const untyped = typed && TYPE_SUFFIX.test(plainKey(typed[2])) ? plainKey(typed[1]) : '';
  for (const k of [key, key.replace(WHOSE, ''), /^person\s+-\s/i.test(header) ? key.slice(6) : '', untyped,
    key.replace(/^(?:customer|client|contact|cliente|kunden|member|loyalty|subscriber|attendee|participant|ticket|player|expert|volunteer|student|patient|donor|employee|staff|speaker|applicant|candidate)(?=.)/, ''), hinted === key ? '' : hinted]) {
    // ("Last Contact", "First Contact" are dates, no name's parts: Tiewise's own export has "Last Contact")
    if (!k || (k !== key && /^(?:last|first)$/.test(k))) continue;
    for (const [field, names] of GENERIC) {
      // (a status with whose it is — "Volunteer Status", "Member Status" — is that role's, not the contact's stage)
      if (field === 'stage' && k !== key) continue;
      if (names.some((n) => (typeof n === 'string' ? n === k : n.test(k)))) return field;
    }
  }
  return null;
}

/**
 * The headers past a prefix every one of them carries ("CON_" of a legal CRM's "CON_FirstName",
 * "CON_Email"; "Contact." of a report's "Contact.Email"), when without it more of them are known
 * columns; else the headers themselves ("Email_1", "Email_2" stay e-mail columns).
 */
export function bareHeaders(headers: string[]): string[] {
  const named = headers.map((h) => h.trim()).filter(Boolean);
  const m = named.length >= 3 ? /^[\p{L}\d]{1,12}[_.:]/u.exec(named[0]) : null;
  if (!m || !named.every((h) => h.startsWith(m[0]) && h.length > m[0].length)) return objectHeaders(headers, named);
  const bare = headers.map((h) => (h.trim() ? h.trim().slice(m[0].length) : h));
  const known = (hs: string[]) => hs.filter(isKnownHeader).length;
  return known(bare) > known(headers) ? bare : headers;
}

/** "Contact: First Name": a report's column named with the object it comes from. */
const OBJECT_HEADER = /^(\p{L}[\p{L}\d ]{0,19}):\s*(\S.*)$/u;

/**
 * A report over two or three objects ("Account: Account Name", "Account: Phone", "Contact: First
 * Name", "Contact: Phone"): the person's object is the one with a name column, and its columns are
 * read by their own names; of another object's (the account's) only its name is read, as the
 * person's company — its phone, type or city are not the person's and stay as they are (kept, not
 * mapped). Else the headers themselves.
 */
function objectHeaders(headers: string[], named: string[]): string[] {
  const parts = named.map((h) => OBJECT_HEADER.exec(h));
  if (named.length < 3 || parts.some((x) => !x)) return headers;
  const objects = new Set(parts.map((x) => x![1].toLowerCase()));
  const person = new Set([...objects].filter((o) => parts.some((x) => x![1].toLowerCase() === o && NAME_FIELDS.has(knownField(x![2]) ?? ''))));
  if (objects.size < 2 || objects.size > 4 || person.size !== 1) return headers;
  return headers.map((h) => {
    const x = OBJECT_HEADER.exec(h.trim());
    if (!x) return h;
    if (person.has(x[1].toLowerCase())) return x[2];
    return knownField(x[2]) === 'company' ? x[2] : headerKey(x[2]) === 'name' ? 'Company Name' : h;
  });
}
const NAME_FIELDS = new Set(['name', 'firstName', 'lastName']);

/** Whether a header is one we know (any preset or a generic name); used to find the header row. */
export function isKnownHeader(header: string): boolean {
  const key = headerKey(header);
  if (!key) return false;
  return knownKeys().has(key) || genericField(header) !== null;
}

/** The field a header names in any preset or by the generic names; null when none. */
export function knownField(header: string): ContactField | null {
  const key = headerKey(header);
  if (!key) return null;
  for (const p of PRESETS) {
    const col = p.columns.find((c) => c.field && headerKey(c.header) === key);
    if (col) return col.field;
  }
  return genericField(header);
}

let known: Set<string> | undefined;
function knownKeys(): Set<string> {
  known ??= new Set(PRESETS.flatMap((p) => p.columns.map((col) => headerKey(col.header))));
  return known;
}

export interface PresetMatch {
  preset: PresetId;
  score: number;
}

/** The known export these headers come from, or "generic". */
export function detectPreset(headers: string[]): PresetMatch {
  let best: PresetMatch = { preset: 'generic', score: 0 };
  for (const p of PRESETS) {
    // common names alone ("Телефон", "Компания") do not make a known export: one of its own columns must be there
    const sig = new Set(p.signature.map(headerKey));
    if (!headers.some((h) => sig.has(headerKey(h)))) continue;
    const score = scorePreset(p, headers);
    // one of its own names, spelled its way, among a few shared ones is not its export either: Apollo's
    // "Account Owner" (8.0 for Salesforce), Yahoo's "Skype ID" (6.0 for Zoho), Mailchimp's "Email Address"
    // (5.3 for Outlook) — two such names, or a score real exports of it reach (Salesforce's Lead.csv: 10.7)
    const own = headers.filter((h) => p.signature.includes(h.trim())).length;
    if (score > best.score && (own >= 2 || score >= 9)) best = { preset: p.id, score };
  }
  // a couple of shared names ("First Name", "Email") is not enough to call it a known export
  return best.score >= 4 ? best : { preset: 'generic', score: best.score };
}

function scorePreset(p: Preset, headers: string[]): number {
  let score = 0;
  const sig = new Set(p.signature.map(headerKey));
  const exactSig = new Set(p.signature);
  for (const h of headers) {
    const key = headerKey(h);
    const col = p.columns.find((col) => headerKey(col.header) === key);
    if (!col) continue;
    const exact = p.columns.some((col) => col.header === h.trim());
    score += exact ? 1 : 0.9;
    if (sig.has(key)) score += exactSig.has(h.trim()) ? 2 : 1.5;
  }
  return score;
}

/**
 * A mapping for these headers: the preset's own columns first (its null columns
 * stay null: Outlook's "Title" is a salutation), then generic names. A single-valued
 * field is fed by one column only; email, phone and profile URL take several.
 */
export function proposeMapping(headers: string[], preset: PresetId = detectPreset(headers).preset): ColumnMapping {
  if (preset === 'generic') headers = bareHeaders(headers);
  const p = PRESETS.find((x) => x.id === preset);
  const taken = new Set<ContactField>();
  const decided: (ContactField | null | undefined)[] = headers.map((h) => {
    if (!p) return undefined;
    const key = headerKey(h);
    const col = p.columns.find((col) => col.header === h.trim()) ?? p.columns.find((col) => headerKey(col.header) === key);
    return col ? col.field : undefined;
  });
  const out: ColumnMapping = decided.map((f) => {
    if (!f) return null;
    if (taken.has(f) && !(f in MULTI_FIELDS)) return null;
    taken.add(f);
    return f;
  });
  headers.forEach((h, i) => {
    if (decided[i] !== undefined) return;
    const f = genericField(h);
    if (!f || (taken.has(f) && !(f in MULTI_FIELDS))) return;
    taken.add(f);
    out[i] = f;
  });
  // a name word alone ("Nome") beside a first name's own column ("Primeiro nome", Pipedrive's Portuguese
  // export): the whole name, and the first name is that column's
  const whole = headers.findIndex((h, i) => out[i] === 'firstName' && decided[i] === undefined && WHOLE_NAME_ALONE.has(plainKey(h)));
  const given = headers.findIndex((h, i) => out[i] === null && decided[i] === undefined && !WHOLE_NAME_ALONE.has(plainKey(h)) && genericField(h) === 'firstName');
  if (whole >= 0 && given >= 0 && !out.includes('name')) {
    out[whole] = 'name';
    out[given] = 'firstName';
  }
  // a bare "Title" holds a courtesy title as often as a job (Mautic's "title", Fake Name Generator's "Title" beside
  // its "Occupation"): with another column naming the job, that one is the job, and the title is kept as written
  const bareTitle = headers.findIndex((h, i) => out[i] === 'position' && decided[i] === undefined && headerKey(h) === 'title');
  const job = headers.findIndex((h, i) => out[i] === null && decided[i] === undefined && headerKey(h) !== 'title' && genericField(h) === 'position');
  if (bareTitle >= 0 && job >= 0) {
    out[bareTitle] = null;
    out[job] = 'position';
  }
  // "Contato principal" is the main contact's name in Kommo, a yes/no in Exact Spotter (beside its
  // "Nome contato"): with another column naming the person it is not the name
  const primary = headers.findIndex((h, i) => out[i] === 'name' && WEAK_NAME.has(headerKey(h)));
  if (primary >= 0 && out.some((f, i) => i !== primary && (f === 'firstName' || f === 'lastName'))) out[primary] = null;
  // a first-name word alone ("Nombre", "Nome") or the French "Nom" alone holds the whole name
  if (!out.includes('name') && !(out.includes('firstName') && out.includes('lastName'))) {
    headers.forEach((h, i) => {
      // (also when it says whose it is: Exact Spotter's "Nome contato")
      const k = headerKey(h);
      if ((out[i] === 'firstName' || out[i] === 'lastName') && decided[i] === undefined && (WHOLE_NAME_ALONE.has(k) || WHOLE_NAME_ALONE.has(k.replace(WHOSE, '')))) out[i] = 'name';
    });
  }
  // a list that names its members only by a nickname beside their address (Google Groups' "Nickname"):
  // the name they go by there, rather than the address
  if (!out.some((f) => f === 'name' || f === 'firstName' || f === 'lastName')) {
    const nick = headers.findIndex((h, i) => out[i] === null && NICKNAME.has(headerKey(h)));
    if (nick >= 0) out[nick] = 'name';
  }
  // Turkish "Ad" beside "Soyad" is the given name (alone, "Ad" may be an advertisement's column)
  const ad = headers.findIndex((h, i) => out[i] === null && headerKey(h) === 'ad');
  if (ad >= 0 && !out.includes('firstName') && out.some((f, i) => f === 'lastName' && /^soyad/.test(headerKey(headers[i])))) out[ad] = 'firstName';
  // a second person's name and number beside the row's own (a loan list's guarantor, "担保人姓名,手机号码"; an
  // emergency contact's "Contact Name,Contact Phone"): a number right after another name's column is that person's
  if (out.includes('name') || out.includes('firstName') || out.includes('lastName')) {
    headers.forEach((h, i) => {
      // (a phone column of its own name after it: the row's own number, "Name,Manager Name,Phone"; the second of two
      // alike is the other person's)
      if (i > 0 && out[i] === 'phone' && out[i - 1] === null && OTHER_PERSON.test(headers[i - 1]) && headers.slice(0, i - 1).some((x) => headerKey(x) === headerKey(h))) out[i] = null;
    });
  }
  // HubSpot's export of contacts with their associated company: the columns from "Record ID -
  // Company" on are the company's (its phone, city, dates) and stay beside the person, not on
  // them; its name is the company when the person's own column is empty (the first filled wins)
  const company = headers.findIndex((h) => headerKey(h) === 'recordidcompany');
  if (company > 0) for (let i = company; i < headers.length; i++) out[i] = headerKey(headers[i]) === 'companyname' ? 'company' : null;
  const keys = headers.map(headerKey);
  // Apollo's export: the person's LinkedIn is "Person Linkedin Url"; its Facebook and Twitter URLs
  // (after "Company Linkedin Url") and its corporate phone are the company's
  if (keys.includes('personlinkedinurl') && keys.includes('companylinkedinurl')) {
    keys.forEach((k, i) => {
      if (APOLLO_COMPANY.has(k)) out[i] = null;
    });
  }
  // amoCRM's deals export has the deal's "Ответственный" and the contact's "Ответственный за контакт":
  // the contact's owner is the second (the first is the deal's, deals.ts)
  const contactOwner = keys.indexOf('ответственныйзаконтакт');
  if (contactOwner >= 0) out.forEach((f, i) => (out[i] = i === contactOwner ? 'owner' : f === 'owner' ? null : f));
  // Yahoo Contacts' CSV names its phone columns by place alone: "Home", "Work", "Mobile", "Other"
  if (keys.includes('yahoophone') && keys.includes('messengerid')) {
    keys.forEach((k, i) => {
      if (YAHOO_PHONES.has(k)) out[i] = 'phone';
    });
  }
  // Kivitendo's (LX-Office's) customers with their contact person: the person is the cp_ columns, the
  // customer's "name" the company where a person is given, its own phone and e-mail after the
  // person's (planMapping)
  if (isKivitendo(keys)) {
    keys.forEach((k, i) => {
      const f = KIVITENDO_PERSON[k];
      if (f) out[i] = f;
    });
  }
  // German exports' "Name" beside "Vorname" (and no "Nachname") is the surname: "Muster;Max"
  if (keys.includes('vorname') && !keys.includes('nachname')) {
    const n = keys.indexOf('name');
    if (n >= 0 && out[n] === 'name' && !out.includes('lastName')) out[n] = 'lastName';
  }
  // Tine 2.0's "title" is an academic title ("Dr."), its "role" the job: the position
  if (keys.includes('ngiven') || keys.includes('nfamily')) {
    const role = keys.indexOf('role');
    keys.forEach((k, i) => {
      if (k === 'title' && out[i] === 'position' && role >= 0) out[i] = null;
    });
    if (role >= 0 && !out.includes('position')) out[role] = 'position';
  }
  // an invoicing app's clients with their contact person (Invoice Ninja's "Name" beside "Balance", "Paid to Date" and
  // the contact's "First Name", "Last Name"; Wave's "customer_name" beside "contact_first_name"): the client is
  // the company the person works for, not the person
  if (out.includes('firstName') && out.includes('lastName') && !out.includes('company')) {
    const billed = keys.some((k) => INVOICING.test(plainKey(k)));
    const client = keys.findIndex((k, i) => out[i] === 'name' && (/^(?:customer|client)name$/.test(plainKey(k)) || (billed && plainKey(k) === 'name')));
    if (client >= 0) out[client] = 'company';
  }
  // an accounts export (SuiteCRM's Organizations, Salesforce's Account.csv): its "Name" is a company's, no
  // person's; a row then names someone only by its e-mail, as a companies file of another CRM does
  if (keys.filter((k) => ACCOUNT_ONLY.has(plainKey(k))).length >= 2 && !out.includes('firstName') && !out.includes('lastName')) {
    out.forEach((f, i) => {
      if (f === 'name' && (keys[i] === 'name' || keys[i] === 'accountname' || WHOLE_NAME_ALONE.has(plainKey(keys[i])))) out[i] = out.includes('company') ? null : 'company';
    });
  }
  return out;
}

/**
 * One row → a record, with the mapping. Values verbatim; a cell of only spaces
 * counts as empty. `name` is the full-name column, else first (middle) last,
 * else the e-mail; `names` says whether the row names a person at all.
 */
export function applyMapping(headers: string[], mapping: ColumnMapping, fields: string[]): { record: ImportedContact; names: boolean } {
  return planMapping(headers, mapping)(fields);
}

const NICKNAME = new Set(['nickname', 'nick', 'никнейм', 'псевдоним', 'spitzname', 'surnom', 'apodo', '昵称', '暱稱', '微博昵称', 'ニックネーム', '닉네임']);

const WHOLE_NAME_ALONE = new Set(['nombre', 'nome', 'nom']);

/** Columns only a companies file has (SuiteCRM, SugarCRM, Salesforce, Dynamics, HubSpot accounts). */
const ACCOUNT_ONLY = new Set(['billingstreet', 'shippingstreet', 'annualrevenue', 'employees', 'numberofemployees', 'siccode', 'tickersymbol', 'parentaccountid', 'ownership', 'accountnumber', 'parentaccount', 'accountsource',
  // Pipedrive's organizations export (its people count, the day the organisation was created), English and Portuguese
  'people', 'organizationcreated', 'pessoas', 'organizacaocriada']);

const WEAK_NAME = new Set(['contatoprincipal', 'primarycontact', 'основнойконтакт']);

/** An invoicing app's columns about a client's account ("Balance", "Paid to Date", "Billing Street"). */
const INVOICING = /^(?:balance|paidtodate|billing(?:street|address\d*|city|state|postalcode|zip|country)|creditbalance|outstanding|paymentterms|vatnumber|taxnumber)$/;

/** Columns only Odoo's contacts export (res.partner) has beside "Complete Name". */
const ODOO = new Set(['avatar128', 'isacompany', 'relatedcompany', 'companyname', 'parentname']);

/** A number and no name: six digits or more with their dots, dashes and spaces, a check letter K at most (a tax id). */
const NUMBER_ONLY = /^(?=(?:\D*\d){6})[\d.\s-]+[kK]?$/;

/** What names no organisation where one goes: a placeholder ("none", "null", "N/A"), a bare number, a courtesy title. */
export const noCompany = (v: string) => NO_COMPANY.test(v) || NUMBER_ONLY.test(v) || titleOnly(v);
const NO_COMPANY = /^(?:none|n\/?a|nil|null|test|no company|not applicable|нет|не указан[ао]?|non renseign[ée]e?|n[ée]ant|aucune?|sin empresa|ninguna|n[ãa]o informad[oa]|nenhuma|keine|k\. ?a\.|brak|無|无|없음|なし)$/i;

/**
 * A courtesy title alone where a company goes ("Mr.", "Frau", "Г-жа": a form's salutation column mapped
 * as the company): no organisation. Stored as the company, it made everyone so addressed colleagues
 * at one account.
 */
const TITLE_ONLY = /^(?:mr|mrs|ms|miss|mx|dr|prof|sir|madam|m\.|mme|mlle|herr|frau|sr|sra|srta|sig\.?ra|г-н|г-жа|господин|госпожа|السيد|السيدة|مدام|الحاج|الحاجة|الأستاذ|الاستاذ|الدكتور|دكتور)\.?$/i;
/**
 * A courtesy title alone, not written in capitals without its dot ("MX", "MS": more often an organisation's
 * letters; a script without capitals, Arabic's "السيد", is one as written). French "M." with its dot only.
 */
export const titleOnly = (v: string) => TITLE_ONLY.test(v) && (!/[a-z]/i.test(v) || v !== v.toUpperCase() || v.endsWith('.'));
/**
 * Academic titles and degrees alone ("Dr.", "Prof. Dr.", "Dr. rer. nat.", "Dipl.-Ing.", "B.Sc.", "MBA"):
 * each word an abbreviation with its dot, or a degree's letters. What Tine's and EGroupware's "title" holds.
 */
const DEGREE_ONLY = /^(?:(?:\p{L}{1,6}\.(?:-?\p{L}{1,6}\.)*|phd|mba|msc|bsc|llm)(?:\s+|$))+$/iu;
/** A job title's place holding an academic or courtesy title alone: no job (CSV and vCard). */
export const noJob = (v: string) => DEGREE_ONLY.test(v) || titleOnly(v);

/**
 * What a CRM writes where it has no name: HubSpot's and Salesforce's "[not provided]" in a required last
 * name, "None" from a script's empty value, "Unknown", "N/A".
 */
export const NO_NAME = /^(?:none|n\/?a|unknown|\[?not provided\]?|no name|noname|anonymous(?: \d+)?|неизвестн(?:о|ый|ая)|не указан[оа]?|без имени)$/i;
/**
 * A department where a person's name goes and no address beside it (a billing database's "Accounts Payable" row of
 * each account: the account's, no person). Only these: "Accounting" or "Billing" beside a company's name is how a
 * mailbox is shown, and a department with its address is the CRM's record of it, kept so.
 */
const DEPARTMENT = /^accounts? (?:payable|receivable)(?: dep(?:artmen)?t\.?)?$/i;

/** Name particles written in lower case ("María del Carmen García de la Fuente", "Ludwig van Beethoven", "H.M. the King of the Netherlands"). */
const PARTICLES = new Set(['de', 'del', 'la', 'las', 'los', 'da', 'das', 'do', 'dos', 'di', 'du', 'van', 'von', 'der', 'den', 'ter', 'ten', 'le', 'y', 'e', 'bin', 'binti', 'ibn', 'al', 'el', 'zu', 'af', 'och', 'of', 'the']);
/**
 * Text that is no one's name: a number sign with digits ("Tracking # for gift box is 9114"), or a sentence —
 * five words or more, three in lower case after a capitalised one and none a name's particle ("Call Cell or
 * Work to contact her"; a phone book's name typed in lower case with a note after it, "joao andre silva
 * Interesse Strada", is a name). (A date in a name is the bare row's rule below: "Mum 12.03.1960" beside a number is a name.)
 */
function proseName(v: string): boolean {
  // (one word, the most of a book's name parts: no sentence, no number sign)
  if (!/\s|#/.test(v)) return false;
  if (/#\s*\d|\d\s*#/.test(v)) return true;
  // (a remark in brackets beside a name is no sentence instead of it: "Sam (Is he back again?)")
  const words = v.replace(/\([^()]*\)/g, ' ').trim().split(/\s+/);
  const cap = words.findIndex((w) => /^\p{Lu}/u.test(w));
  return words.length >= 5 && cap >= 0 && words.slice(cap + 1).filter((w) => /^\p{Ll}/u.test(w) && !PARTICLES.has(w)).length >= 3;
}

/** Another person's name column: a guarantor's, an emergency contact's, a spouse's, an assistant's, a manager's, a referrer's. */
const OTHER_PERSON = /(?:担保|紧急|配偶|guarantor|emergency|spouse|assistant|manager|referr|parent|поручител|контактное лицо).*(?:姓名|名字|name|имя|фио|nombre|nome)|^(?:担保人|紧急联系人)$/i;

/** A Kivitendo (LX-Office) customers export with its contact person's columns, by its headers' keys. */
const isKivitendo = (keys: string[]) => keys.includes('cpgivenname') && keys.includes('cpname');

/** Kivitendo's contact person's columns. */
const KIVITENDO_PERSON: Record<string, ContactField> = { cpgivenname: 'firstName', cpname: 'lastName', cpemail: 'email', cpmobile1: 'phone', cpmobile2: 'phone', cpphone1: 'phone', cpphone2: 'phone', cpposition: 'position' };

/** Odoo's flag of a company's own record ("Is a Company", "Ist ein Unternehmen"…): such a row is a company, no person. */
const IS_COMPANY = new Set(['isacompany', 'iscompany', 'isteinunternehmen', 'estunesociete', 'esunaempresa', 'escompania', 'являетсякомпанией', 'этокомпания']);
const TRUE = /^(?:true|1|yes|y|ja|wahr|vrai|oui|s[ií]|да|x)$/i;

/** 1C's kind of counterparty ("ВидКонтрагента": ФизЛицо or ЮрЛицо; "Тип контрагента": Физ лицо…), whose name is in the company's column. */
const PARTY_TYPE = new Set(['видконтрагента', 'типконтрагента', 'юрфизлицо', 'физюрлицо', 'типлица', 'видлица']);
const PERSON_PARTY = /^физ/i;

const APOLLO_COMPANY = new Set(['facebookurl', 'twitterurl', 'companylinkedinurl', 'corporatephone', 'companyphone']);
const YAHOO_PHONES = new Set(['home', 'work', 'mobile', 'other', 'yahoophone']);

/** A number as a spreadsheet shows it rounded: "1.11015E+11". */
const EXCEL_NUMBER = /^\d(?:[.,]\d+)?E\+\d+$/i;


/** What a value in the wrong column is: a phone number or a profile's link (null: neither). */
function strayKind(x: string): 'phone' | 'profileUrl' | null {
  const t = numberText(x.trim());
  if (phoneShaped(t)) return 'phone';
  if (/^https?:\/\//i.test(t) && profileUrlKey(t)) return 'profileUrl';
  return null;
}

/**
 * The values one cell holds when a comma, semicolon, line break or spaced slash parts it and every
 * part is one of its own: "01785 000000, 07709 000000" and "(3012) 344-923 / 8 9021 669532" are two phones, "a@x.ru, b@y.ru" two addresses;
 * "+7 843 000-00-01, доб. 201" stays one. (A spreadsheet cell may hold a number per line.)
 */
function partsIf(v: string, each: (part: string) => boolean): string[] {
  if (!/[,;\n]|\s\/\s/.test(v)) return [v];
  const parts = v.split(/[,;\r\n]|\s\/\s/).map((x) => x.trim()).filter(Boolean);
  return parts.length > 1 && parts.every(each) ? parts : [v];
}

/** What labels an address in its cell ("e-mail: ", "Email:", "почта:"). */
const ADDRESS_LABEL = /^(?:e-?mail|почта|эл\. ?почта)\s*:\s*/i;

/**
 * The addresses an e-mail cell holds when it holds nothing else, as people type them:
 * invisible direction marks and a stray comma or ">" at the end dropped ("ana@mail.example,"),
 * a label before it ("e-mail: ana@mail.example"), a space beside the "@" ("ana@ mail.example",
 * a shop's customer list), several addresses apart by spaces, "/" or new lines. Null when
 * anything in the cell is no address ("Abc@123", "deb,lee@mail.example", "ana@mail.example
 * (husband's)"): nothing is guessed.
 */
function addressesIn(v: string): string[] | null {
  let t = v.replace(/\p{Cf}/gu, '').trim().replace(ADDRESS_LABEL, '');
  if (!t.includes('<')) t = t.replace(/>+$/, '');
  t = t.replace(/[,;.]+$/, '').trim();
  if (EMAIL_SHAPE.test(t)) return [t];
  const parts = t.replace(/\s*@\s*/g, '@').split(/[\s,;/]+/).filter(Boolean);
  return parts.length && parts.every((p) => EMAIL_SHAPE.test(p)) ? parts : null;
}

/** "Name <address>", "\"Name\" <address>": an address as mail programs write it with its owner's name. */
const NAMED_ADDRESS = /^\s*"?([^"<>@]*?)"?\s*<([^<>\s]+)>\s*$/;

/** A number of its own: six digits or more, written as a phone number is. */
const ownPhone = phoneShaped;
const ownEmail = (x: string) => EMAIL_SHAPE.test(x) || EMAIL_SHAPE.test(NAMED_ADDRESS.exec(x)?.[2] ?? '');

/** "Family, Given": one comma between names of letters (and hyphens, apostrophes, dots). */
const SORTED_NAME = /^([\p{L}][\p{L}\p{M}'’.-]*(?: [\p{L}][\p{L}\p{M}'’.-]*)?), ([\p{L}][\p{L}\p{M}'’.-]*(?: [\p{L}][\p{L}\p{M}'’.-]*)?)$/u;
/** A Russian name written whole: family, given, patronymic (Cyrillic words; the patronymic by its ending). */
const FIO = /^([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?) ([А-ЯЁ][а-яё]+) ([А-ЯЁ][а-яё]+(?:ович|евич|ич|овна|евна|ична|инична))$/u;
/** A given name and a patronymic together. */
const GIVEN_PATRONYMIC = /^([А-ЯЁ][а-яё]+) ([А-ЯЁ][а-яё]+(?:ович|евич|ич|овна|евна|ична|инична))$/u;
/** What follows a name after a comma and is no given name. */
const SUFFIX = /^(?:jr|sr|ii|iii|iv|phd|md|esq|dds|cpa|mba)\.?$/i;

/** A value of marks alone, no letter or digit: what a form wrote for "nothing" (a spreadsheet's text guard before it too: "'-"). */
const NOTHING = /^'?[\s*\-–—_.,;:?!#/\\]+$/;

/** A record's id in hex (a database's object id), never a phone number. */
const HEX_ID = /^(?=[0-9a-f]*[a-f])[0-9a-f]{12,}$/i;
/** What an address on the web looks like: a host with a dot and letters after it, or a scheme. */
const WEB_ADDRESS = /^(?:[a-z][\w+.-]*:\/\/|(?:[\p{L}\p{N}-]+\.)+\p{L}{2,}(?:[/?#:]|$)|\/\/)/iu;

/** A site's home page, no path ("http://www.example.org/", "example.org"): a website, never a person's profile. */
const SITE_HOME = /^(?:https?:\/\/)?[\p{L}\p{N}.-]+\.\p{L}{2,}\/?$/iu;

/** Google Contacts' separator of several values in one cell. */
const MULTI_SEP = /\s+:::\s+/;

/** applyMapping with the per-file work done once: for 100k rows. */
export function planMapping(headers: string[], mapping: ColumnMapping): (fields: string[]) => { record: ImportedContact; names: boolean; companyRecord?: true; notAddress?: string } {
  // a column's name in `custom`: its header, numbered from its second occurrence on ("Товар",
  // "Товар 2") — the same for every row, whether the columns before it were filled or not
  const seen = new Map<string, number>();
  const cols = headers.map((h, i) => {
    const header = h || `column ${i + 1}`;
    const n = (seen.get(header) ?? 0) + 1;
    seen.set(header, n);
    return { i, field: mapping[i] ?? null, header, key: n > 1 ? `${header} ${n}` : header };
  });
  const keysAll = headers.map(headerKey);
  // Kivitendo's customer "name" is the company of a contact person it gives; the person's numbers and
  // address are read before the customer's, so they are the main ones
  const kivitendoFile = isKivitendo(keysAll);
  const kivitendo = kivitendoFile ? keysAll.indexOf('name') : -1;
  if (kivitendoFile) cols.sort((a, b) => Number(!(keysAll[a.i] in KIVITENDO_PERSON)) - Number(!(keysAll[b.i] in KIVITENDO_PERSON)));
  // Yahoo's "Primary" names the phone column that is the main one ("home", "mobile", "work")
  const primary = keysAll.findIndex((k, i) => k === 'primary' && mapping[i] == null);
  // Odoo's "Complete Name" of a company's person is "<company>, <person>"
  const odooName = keysAll.includes('completename') && keysAll.some((k) => ODOO.has(k)) ? keysAll.indexOf('completename') : -1;
  const isCompany = keysAll.findIndex((k) => IS_COMPANY.has(k));
  const partyType = keysAll.findIndex((k) => PARTY_TYPE.has(k));
  const nickCol = keysAll.findIndex((k, i) => NICKNAME.has(k) && mapping[i] == null);
  // Thunderbird's birthday in three columns ("Birth Year", "Birth Month", "Birth Day"), none of them the birthday's
  const unmapped = (k: string) => keysAll.findIndex((x, i) => x === k && mapping[i] == null && headers[i].includes(' '));
  // (in German, "Geburtsjahr", "Geburtsmonat", "Geburtstag": the last is the day, not the birthday)
  const german = ['geburtsjahr', 'geburtsmonat', 'geburtstag'].map((k) => keysAll.indexOf(k));
  const birthCols = german.every((i) => i >= 0) ? german : [unmapped('birthyear'), unmapped('birthmonth'), unmapped('birthday')];
  for (const c of cols) if (c.i === german[2] && german[0] >= 0 && german[1] >= 0 && c.field === 'birthday') c.field = null;
  /**
   * the job comes from Tine's or EGroupware's "title" (their own column names: n_given, n_family…), which
   * holds the academic title; Salesforce's "Title", and our own export's, is the job
   */
  const titleColumn = (keysAll.includes('ngiven') || keysAll.includes('nfamily')) && cols.some((c) => c.field === 'position' && headerKey(c.header) === 'title');
  const phoneCols = new Map(cols.filter((c) => c.field === 'phone').map((c) => [headerKey(c.header), c.i]));
  // Outlook's "E-mail Display Name" ("Jane Doe (jane.doe@example.com)"): the only SMTP address of a
  // contact whose "E-mail Address" is an Exchange one ("/o=Org/ou=…/cn=Recipients/cn=janedoe")
  const shownAs = cols.filter((c) => c.field === null && /^e?mail\d*displayname$/.test(headerKey(c.header))).map((c) => c.i);
  /** the file's own name of the column a field was read from (a value moved off that field is kept under it) */
  const columnOf = (field: ContactField, fallback: string) => cols.find((c) => c.field === field)?.header ?? fallback;
  return (fields) => {
    const one: Partial<Record<string, string>> = { ...BLANK_FIELDS };
    /** by the singular field while reading, then the plurals for lists of more than one */
    const many: Partial<Record<string, string[]>> = {};
    const plural: Partial<Record<string, string[]>> = {};
    let custom: Record<string, string> | undefined;
    /** the name an e-mail cell gave with its address */
    let shownName: string | undefined;
    /** what an e-mail column held with an "@" that is no address (said when the row names nobody) */
    let notAddress: string | undefined;
    /** values found in another field's column, after that field's own */
    const stray: Partial<Record<keyof typeof MULTI_FIELDS, string[]>> = {};
    /** site home pages found in a profile's column, with the column */
    const homes: [string, string][] = [];
    const keep = (header: string, v: string) => {
      // no prototype: a column named "__proto__" or "constructor" is a column like any other
      custom ??= Object.create(null) as Record<string, string>;
      // two columns of one name both kept ("Notes", "Notes 2")
      custom[freeKey(custom, header)] = v;
    };
    for (const { i, field, key: header } of cols) {
      // (HubSpot and LinkedIn write "null" where they have nothing; a JavaScript form "undefined"; a spreadsheet
      // saved as CSV its formula's error, "#N/A" where a lookup found nothing)
      if (fields[i] === undefined || isBlank(fields[i]) || (fields[i].length < 14 && NOTHING_CELL.test(fields[i]))) continue;
      const v = numericRefs(fields[i]);
      if (!field) keep(header, v);
      else if (field in MULTI_FIELDS) {
        const list = (many[field] ??= []);
        // Google Contacts writes several values in one cell: "+1 555 0100 ::: +1 555 0101"
        for (let x of v.split(MULTI_SEP).flatMap((y) => (field === 'phone' ? partsIf(y, ownPhone) : field === 'email' ? (addressesIn(y) ?? partsIf(y, ownEmail)) : [y]))) {
          // (HubSpot writes "null" where it has no number; Shopify an apostrophe before one, so a spreadsheet keeps it text)
          if (isBlank(x) || /^null$/i.test(x.trim())) continue;
          if (field === 'phone') x = numberText(x.trim());
          // an address written as mail programs show it ("Петров И. С. <ps@example.com>"): the address, and
          // the name shown with it for a row that gives no other
          const shown = field === 'email' && x.includes('<') ? NAMED_ADDRESS.exec(x) : null;
          if (shown && EMAIL_SHAPE.test(shown[2])) {
            x = shown[2];
            if (shown[1].trim()) shownName ??= shown[1].trim();
          }
          // a site's home page in a profile's column ("url": Tine's and EGroupware's company website beside
          // each of its people) is no one's profile: the row's website (after the website's own column)
          if (field === 'profileUrl' && SITE_HOME.test(x.trim())) {
            homes.push([header, x.trim()]);
            continue;
          }
          // a placeholder number (Salesforce's "000000000") is no one's to call: kept, never the main number
          if (field === 'phone' && placeholderPhone(x)) {
            keep(header, x);
            continue;
          }
          // a value typed into the other's column: an address in a phone column is an address,
          // a number in an e-mail column a phone; a profile's link in either is the profile. An "@"
          // in what is no address ("Abc@123", "ivan@", "@ivan") makes no e-mail: kept under its
          // column, never written to nor matched by as an address
          // (a record's hex id, "694713e5ad835cd679788318", has digits and is no number; a profile's column
          // holding a date or "yes" holds no address)
          const is: string | null = field === 'email' ? (x.includes('@') ? (EMAIL_SHAPE.test(x.trim()) ? 'email' : null) : strayKind(x))
            : field === 'phone' ? (x.includes('@') && EMAIL_SHAPE.test(x.trim()) ? 'email' : /\d/.test(x) && !HEX_ID.test(x.trim()) ? 'phone' : strayKind(x))
            : field === 'profileUrl' && !WEB_ADDRESS.test(x.trim()) ? null : field;
          if (is === field) {
            // (one number written twice, "+54 9 223 555-0101, +5492235550101", is one: with its country code when one says it)
            const same = list.findIndex((y) => y === x || (field === 'phone' && samePhone(y, x)));
            if (same < 0) list.push(x);
            else if (/^\s*\+/.test(x) && !/^\s*\+/.test(list[same])) list[same] = x;
          } else if (is) (stray[is as keyof typeof MULTI_FIELDS] ??= []).push(x.trim());
          else {
            // what an e-mail column holds that is no address (LinkedIn's "urn:li:member:…", "Abc@123") is kept, not mailed
            if (field === 'email' && x.includes('@')) notAddress ??= x.trim();
            keep(header, x);
          }
        }
      } else if (field === 'website' && MULTI_SEP.test(v)) {
        // (Google again: the first site is the website, the others are kept)
        const [w, ...rest] = [...new Set(v.split(MULTI_SEP).filter((x) => !isBlank(x)))];
        if (one.website === undefined) one.website = w;
        else rest.unshift(w);
        if (rest.length) keep(header, rest.join(' ::: '));
      } else if (field === 'website' && !WEB_ADDRESS.test(v.trim()) && !MULTI_SEP.test(v)) {
        // ("no", "yes", "n/a" where a site goes: no site; kept under its column)
        keep(header, v);
      } else if (field === 'crmId' && EXCEL_NUMBER.test(v.trim())) {
        // an id a spreadsheet rounded ("1.11015E+11": many records' ids become one) names no record: kept, not keyed
        keep(header, v);
      } else if (field !== 'notes' && NOTHING.test(v)) {
        // ("**", "-", "?" where a form wanted a city or a company: nothing said, kept as written)
        keep(header, v);
      } else if (one[field] === undefined) {
        // (a note keeps its lines; any other field is one line: a break inside the cell, "Heidelberg Institute for\r
        // Geoinformation Technology" from a PDF's table, is a space)
        one[field] = field === 'crmId' ? numberText(v) : field === 'notes' ? v.replace(/\r(?!\n)/g, '\n') : /[\r\n]/.test(v) ? v.trim().replace(/\s*[\r\n]+\s*/g, ' ') : v.trim();
      }
      // another column of the same field with another value (HubSpot's contact's "Company Name" beside
      // its associated company's "Company name"): kept under its column, never lost
      else if (one[field]!.trim().toLowerCase() !== v.trim().toLowerCase()) keep(header, v);
    }
    for (const [header, x] of homes) {
      if (one.website === undefined) one.website = x;
      else if (one.website.trim().toLowerCase() !== x.toLowerCase()) keep(header, x);
    }
    for (const i of shownAs) {
      const m = /\(([^()\s]+@[^()\s]+)\)\s*$/.exec(fields[i] ?? '');
      if (m && EMAIL_SHAPE.test(m[1]) && !(many.email ?? []).some((x) => x.toLowerCase() === m[1].toLowerCase())) (stray.email ??= []).push(m[1]);
    }
    for (const [f, xs] of Object.entries(stray)) {
      const list = (many[f] ??= []);
      for (const x of xs) if (!list.includes(x)) list.push(x);
    }
    // a record its CRM names by its number (amoCRM: "'+77780000000" as the name, no phone column filled):
    // the number is its phone too, and its name without the apostrophe that kept it text
    for (const k of ['name', 'firstName'] as const) {
      const v = one[k]?.trim();
      if (v === undefined || !ownPhone(v)) continue;
      one[k] = numberText(v);
      const list = (many.phone ??= []);
      if (!list.includes(one[k])) list.push(one[k]);
    }
    const main = primary >= 0 ? phoneCols.get(headerKey(fields[primary] ?? '')) : undefined;
    const mainPhone = main !== undefined ? numberText(fields[main]?.split(MULTI_SEP)[0].trim() ?? '') : undefined;
    if (mainPhone && many.phone?.includes(mainPhone)) many.phone = [mainPhone, ...many.phone.filter((p) => p !== mainPhone)];
    for (const [f, pl] of Object.entries(MULTI_FIELDS)) {
      const list = many[f];
      if (!list) continue;
      one[f] = list[0];
      if (list.length > 1) plural[pl] = list;
    }
    // a placeholder where a company goes ("none", "N/A"), a courtesy title, or a number (a Chilean shop's customer's RUT,
    // "9.876.543-2", "9401347k", in Shopify's "Default Address Company") is no organisation: kept under its column
    if (one.company !== undefined && noCompany(one.company.trim())) {
      keep(columnOf('company', 'Company'), one.company);
      one.company = undefined;
    }
    // an academic title or a courtesy title alone in Tine's "title" ("Dr. rer. nat.", "Dipl.-Ing."; a
    // salutation): no job; kept under its column. A courtesy title alone is no job in any file (Mautic's
    // "title": "Mrs.", "Dr.")
    const job = one.position?.trim();
    // (and "N/A", "none", "Test" where a job goes, as where a company goes; and a number with its label, Yahoo's
    // "home 555-301-0000" typed into the title)
    if (job && ((titleColumn ? noJob(job) : titleOnly(job)) || NO_COMPANY.test(job) || (/\d/.test(job) && phoneShaped(job.replace(/^(?:home|cell|mobile|work|office|fax|tel|phone)\.?:?\s+/i, ''))))) {
      keep(columnOf('position', 'Title'), one.position!);
      one.position = undefined;
    }
    // (the direction marks a phone book wraps a name in are no part of it: "\u202BAna\u202C\u200E")
    for (const part of ['name', 'firstName', 'middleName', 'lastName'] as const) if (one[part] !== undefined) one[part] = withoutDirectionMarks(one[part]!).trim() || undefined;
    // a placeholder where a name goes ("[not provided]", "None"), or a line of a note that a broken row put
    // there (a memo's unquoted line break: "3/09 - Client gave me new address", "Call Cell or Work to contact
    // her"): no name; kept under its column
    // (the note's line names no one, nor does the rest of the row it broke: "Tampa" beside it is no surname)
    // (so is a department with no address, in the name or split into its parts, "Accounts" | "Payable")
    const broken = (['name', 'firstName', 'middleName', 'lastName'] as const).some((part) => one[part] !== undefined && proseName(one[part]!.trim())) ||
      (!many.email?.length && [one.name, one.lastName, `${one.firstName} ${one.lastName}`].some((v) => v !== undefined && DEPARTMENT.test(v.trim())));
    for (const part of ['name', 'firstName', 'middleName', 'lastName'] as const) {
      const v = one[part]?.trim();
      if (v === undefined || !(broken || NO_NAME.test(v))) continue;
      keep(columnOf(part, part), one[part]!);
      one[part] = undefined;
    }
    // a courtesy title alone in the first name's column beside a last name ("Mrs" | "Peters": a salutation typed
    // there) is no given name: kept under its column. In capitals without a dot it is one only where the last
    // name is in capitals too ("MRS" | "PETERS"): "MS" | "Dhoni" are a person's initials
    const given = one.firstName?.trim();
    const family = one.lastName?.trim();
    if (given && family && TITLE_ONLY.test(given) && (titleOnly(given) || family === family.toUpperCase())) {
      keep(columnOf('firstName', 'First Name'), one.firstName!);
      one.firstName = undefined;
    }
    if (birthCols[1] >= 0 && birthCols[2] >= 0 && one.birthday === undefined) {
      const [y, m, d] = birthCols.map((i) => (i >= 0 ? (fields[i] ?? '').trim() : ''));
      const date = birthDate(y, m, d);
      if (date) one.birthday = date;
    }
    // a name written as a list sorts it ("Lund, Britta") in the first name's column, the last name's empty
    // (Outlook's contacts saved with "File As" in the first name): the family name, then the given name
    if (one.firstName !== undefined && one.lastName === undefined && one.middleName === undefined && one.name === undefined) {
      const m = SORTED_NAME.exec(one.firstName.trim());
      if (m && !SUFFIX.test(m[2]) && !hasLegalForm(one.firstName)) {
        one.lastName = m[1];
        one.firstName = m[2];
      }
    }
    // a Russian full name in the last name's column, the first name's empty ("Иванов Пётр Сергеевич": family,
    // given, patronymic, in that order), or the given name and patronymic together in the first name's
    // ("Вячеслав Рифхатович"): each part in its column. Only Cyrillic words, the last one a patronymic.
    if (one.middleName === undefined) {
      const fio = one.firstName === undefined ? FIO.exec(one.lastName?.trim() ?? '') : null;
      const io = fio || one.lastName === undefined ? null : GIVEN_PATRONYMIC.exec(one.firstName?.trim() ?? '');
      if (fio) [one.lastName, one.firstName, one.middleName] = [fio[1], fio[2], fio[3]];
      else if (io) [one.firstName, one.middleName] = [io[1], io[2]];
    }
    // NetSuite's contact under its customer: "C1002 Halo Print: Dana" beside the company "C1002 Halo Print"
    if (one.name !== undefined && one.company !== undefined) {
      const m = /^(.+?)\s*:\s*(\S.*)$/.exec(one.name);
      if (m && normaliseName(m[1]) === normaliseName(one.company)) one.name = m[2].trim();
    }
    if (odooName >= 0 && mapping[odooName] === 'name' && one.name !== undefined) {
      const m = /^(.+?), (.+)$/.exec(one.name);
      if (m && (one.company === undefined || one.company.trim() === m[1].trim())) {
        one.company = m[1].trim();
        one.name = m[2].trim();
      }
    }
    // in a row with no address, number or company, a name that holds a date is no one's name: a
    // note's line cut loose from its record (a law firm's export: "Address change 4/11/08 KLM",
    // "10/3/2014" in the name columns); kept under its column. (Beside a number, "Mum 12.03.1960" stays a name.)
    const bare = one.email === undefined && !many.phone?.length && one.company === undefined;
    for (const part of ['name', 'firstName', 'middleName', 'lastName'] as const) {
      const v = one[part];
      if (!bare || v === undefined || !DATE_IN_TEXT.test(v)) continue;
      keep(columnOf(part, part), v);
      one[part] = undefined;
    }
    // a first or last name that is an address (Dynamics 365's and HubSpot's contacts made from an
    // e-mail) is the address; a differing one is kept under its column
    for (const part of ['lastName', 'firstName'] as const) {
      const a = one[part]?.trim();
      if (a === undefined || !EMAIL_SHAPE.test(a)) continue;
      // (a first name is taken for an address only in a row with no other: HubSpot's, made from one)
      if (part === 'firstName' && one.email !== undefined && one.email.trim().toLowerCase() !== a.toLowerCase()) continue;
      one[part] = undefined;
      if (one.email === undefined) one.email = a;
      else if (one.email.trim().toLowerCase() !== a.toLowerCase()) keep(columnOf('lastName', 'Last Name'), a);
      if (one.name?.trim() === a) one.name = undefined;
      // (beside a first name that was the address, HubSpot's filler last name "A"; a first initial
      // beside a last name that was one is a person's)
      const left = one.lastName?.trim();
      if (part === 'firstName' && left !== undefined && left.replace(/\.$/, '').length <= 1) {
        keep(columnOf('lastName', 'Last Name'), one.lastName!);
        one.lastName = undefined;
      }
    }
    // Google's contact made from an address: "x@gmail com" (given name "x@gmail", family name "com")
    // ("ivo lune@gmail. com") is the row's own address, spaces for its dots — no name: the
    // address stands for one
    if (shownName !== undefined && one.name === undefined && !one.firstName && !one.lastName && !one.middleName) one.name = shownName;
    // (any of the row's addresses: Google splits its second one too)
    const spelled = (one.name ?? [one.firstName, one.middleName, one.lastName].filter(Boolean).join(' ')).trim();
    const plain = (x: string) => x.replace(/[\s.]+/g, '').toLowerCase();
    if (spelled.includes('@') && [one.email, ...(many.email ?? [])].some((e) => e !== undefined && plain(spelled) === plain(e))) {
      one.name = one.firstName = one.middleName = one.lastName = undefined;
    }
    // a name's column holding the row's address cut short (LinkedIn's imported contacts: its first 20
    // characters, "ivan.petrov@prime-p"): part of the address, no name; kept under its column
    for (const part of ['name', 'firstName', 'middleName', 'lastName'] as const) {
      const v = one[part]?.trim().toLowerCase();
      if (!v?.includes('@') || !(many.email ?? []).some((e) => e.trim().toLowerCase().startsWith(v))) continue;
      keep(columnOf(part, part), one[part]!);
      one[part] = undefined;
    }
    // Kivitendo: a customer with a contact person is the person's company
    if (kivitendo >= 0 && mapping[kivitendo] === 'name' && one.name !== undefined && (one.firstName || one.lastName) && one.company === undefined) {
      one.company = one.name;
      one.name = undefined;
    }
    // 1C's counterparty that is a person (ФизЛицо): the name in the company's column is theirs (a sole
    // trader's "ИП Лаптев" is Лаптев); an organisation's (ЮрЛицо) stays the company's
    if (partyType >= 0 && PERSON_PARTY.test(fields[partyType]?.trim() ?? '') && one.company !== undefined && one.name === undefined && !one.firstName && !one.lastName) {
      one.name = one.company.replace(/^ИП\s+/, '');
      one.company = undefined;
    }
    // a company's own record (Odoo's "Is a Company" true): its name is the company's, and it names no person
    const companyRow = isCompany >= 0 && TRUE.test(fields[isCompany]?.trim() ?? '');
    if (companyRow && one.company === undefined) {
      one.company = one.name ?? ([one.firstName, one.middleName, one.lastName].filter(Boolean).join(' ') || undefined);
      one.name = one.firstName = one.middleName = one.lastName = undefined;
    }
    // a name's column that holds the company's name (QuickBooks' "Name", the account's, beside "CompanyName"),
    // the person named by first and last name: the person is named by those, the company stays the company
    // (both parts, not both of them in that name: a self-employed "Anna Berg" | "Anna" | company "Anna Berg"
    // keeps her whole name, and a CRM that split the organisation's name into a first and a last keeps it whole)
    if (one.name !== undefined && one.firstName && one.lastName && one.company !== undefined && normaliseName(one.name) === normaliseName(one.company)) {
      const words = new Set(normaliseName(one.name).split(' '));
      if (![one.firstName, one.lastName].every((p) => words.has(normaliseName(p).split(' ')[0]))) one.name = undefined;
    }
    // "Name" beside "Last Name" and no first name's column (an event tool's export): the name there is the
    // given name, unless it already holds the last name
    if (one.name !== undefined && one.lastName !== undefined && one.firstName === undefined && isGivenName(one.name, one.lastName)) {
      one.firstName = one.name;
      one.name = undefined;
    }
    // a last name's column that holds the whole name ("Étienne" | "Étienne Rivière", a prospecting tool's
    // re-export): the last name is what follows the first name there, not the first name twice
    // (two words at least, the same first letter: a cheap look before the names are normalised, for 100k rows)
    if (one.firstName && one.lastName && one.name === undefined && /\S\s+\S/.test(one.lastName) && one.firstName.trim()[0]?.toLowerCase() === one.lastName.trim()[0]?.toLowerCase()) {
      const [given, whole] = [normaliseName(one.firstName), normaliseName(one.lastName)];
      if (given && whole.startsWith(`${given} `)) {
        const words = one.lastName.trim().split(/\s+/);
        const n = given.split(' ').length;
        if (words.length > n) one.lastName = words.slice(n).join(' ');
      }
    }
    // a first name's column that holds the whole name beside the last name ("Mia Rossi" | "Rossi", a table plan):
    // the first name is what comes before the last name there, the name not "Mia Rossi Rossi"
    if (one.firstName && one.lastName && one.name === undefined && one.middleName === undefined && /\S\s+\S/.test(one.firstName)) {
      const [whole, family] = [one.firstName.trim(), one.lastName.trim()];
      const given = whole.slice(0, -family.length).trim();
      if (/\p{L}/u.test(family) && /\p{L}/u.test(given) && whole.toLowerCase().endsWith(` ${family.toLowerCase()}`)) one.firstName = given;
    }
    // a row that gives no name and no address, but the nickname its member goes by (a Weibo event's join
    // list, its "真实姓名" mostly empty): named by the nickname, which stays under its column too
    const nick = nickCol >= 0 ? fields[nickCol]?.trim() : undefined;
    if (nick && !NOTHING.test(nick) && one.name === undefined && !one.firstName && !one.lastName && !one.middleName && one.email === undefined) one.name = nick;
    const personal = [one.firstName, one.middleName, one.lastName].filter((x): x is string => x !== undefined);
    const fullName = one.name?.replace(/\s+/g, ' ').trim() || nameOfParts(one.firstName, one.middleName, one.lastName);
    one.name = fullName ?? one.email ?? '';
    // a CRM that wants a company for every contact (Zoho) has a private customer's first and last name there:
    // no account (a business kept as a contact, its name in one field, keeps its company); what the cell
    // held is kept as written, under its column (LinkedIn's "Cedar" "Labs" at "Cedar Labs")
    if (fullName && one.firstName && one.lastName && one.company !== undefined && normaliseName(one.company) === normaliseName(fullName)) {
      keep(columnOf('company', 'Company'), one.company);
      one.company = undefined;
    }
    // so is the job of a LinkedIn connection who wrote their own name where it goes ("Jon Arge", "Jon Arge")
    // (written as the name is, letter case aside)
    if (fullName && one.firstName && one.lastName && one.position?.replace(/\s+/g, ' ').trim().toLowerCase() === fullName.toLowerCase()) {
      keep(columnOf('position', 'Position'), one.position);
      one.position = undefined;
    }
    const out: Record<string, unknown> = {};
    for (const k of ORDER) {
      const v = k === 'custom' ? custom : (plural[k] ?? one[k]);
      if (v !== undefined) out[k] = v;
    }
    if (companyRow) return { record: out as unknown as ImportedContact, names: false, companyRecord: true };
    // a row named only by an organisation's name (a legal form in it: "Skyline Express Cargo LLC"), no
    // person's name parts, no address, no other company: the organisation's own record (a partners or
    // accounts list), refused as naming a company and no person — not stored as a person of that name
    if (!personal.length && fullName && one.email === undefined && (one.company === undefined || normaliseName(one.company) === normaliseName(fullName)) && hasLegalForm(fullName)) {
      return { record: { ...out, company: fullName } as unknown as ImportedContact, names: false };
    }
    const names = fullName !== undefined || one.email !== undefined;
    return { record: out as unknown as ImportedContact, names, ...(!names && notAddress ? { notAddress } : {}) };
  };
}

/**
 * A row's fields, each undefined until read, copied for each row: every row's object has one shape. (Given
 * its fields as its columns filled them, a row's object took a shape per set of filled columns, and the
 * mapping's compiled code, made for the first rows' shapes, was thrown away at each new one.)
 */
const BLANK_FIELDS = Object.fromEntries(CONTACT_FIELDS.map((f) => [f, undefined])) as Readonly<Record<ContactField, undefined>>;

/** Whether a name written beside a last name (and no first name) is the given name: it does not hold the last name already. */
export function isGivenName(name: string, lastName: string): boolean {
  return !normaliseName(name).split(' ').includes(normaliseName(lastName).split(' ')[0]);
}

const ORDER = ['name', 'firstName', 'middleName', 'lastName', 'email', 'emails', 'phone', 'phones', 'company', 'position', 'city', 'country', 'profileUrl', 'profileUrls', 'website', 'crmId', 'notes', 'birthday', 'tags', 'stage', 'connectedOn', 'owner', 'custom'];
/** Keys in a stable, readable order (name first). */
export function orderKeys(r: ImportedContact): ImportedContact {
  const src = r as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of ORDER) if (src[k] !== undefined) out[k] = src[k];
  return out as unknown as ImportedContact;
}

/** A cell that says there is nothing: a program's null, a spreadsheet formula's error value. */
const NOTHING_CELL = /^\s*(?:null|undefined|#N\/A|#VALUE!|#REF!|#NAME\?|#DIV\/0!|#NULL!|#NUM!)\s*$/i;

/**
 * A birthday given in parts (year, month, day as numbers): ISO "1970-11-15", or "--11-15" with no year;
 * undefined when a part is no number of its kind or the day does not exist.
 */
function birthDate(year: string, month: string, day: string): string | undefined {
  if (!/^\d{1,2}$/.test(month) || !/^\d{1,2}$/.test(day) || (year && !/^\d{4}$/.test(year))) return undefined;
  const [y, m, d] = [Number(year || 2000), Number(month), Number(day)];
  if (m < 1 || m > 12 || d < 1 || d > new Date(Date.UTC(y, m, 0)).getUTCDate() || (year && (y < 1850 || y > 2100))) return undefined;
  const md = `${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return year ? `${year}-${md}` : `--${md}`;
}
