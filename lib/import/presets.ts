// What we know about real CRM exports, as data: each preset lists the columns its
// export has (header → field; null = known but not a contact field, kept in `custom` under its own name),
// in the order its export writes them, and a few `signature` headers only it uses.
// Import matches headers by headerKey() (case and punctuation ignored); an exact
// spelling scores a little more, which separates look-alikes (Salesforce "Contact ID"
// vs Zoho "Contact Id"). Export writes the columns not marked `importOnly`.
import type { ContactField } from './fields';

export const PRESET_IDS = [
  'linkedin-connections', 'google-contacts', 'outlook', 'hubspot', 'salesforce',
  'pipedrive', 'zoho', 'amocrm', 'bitrix24', 'thunderbird', 'generic',
] as const;
export type PresetId = (typeof PRESET_IDS)[number];

export interface PresetColumn {
  header: string;
  field: ContactField | null;
  /** recognised on import, not written on export (an alternative spelling, an older layout) */
  importOnly?: true;
}

export interface Preset {
  id: Exclude<PresetId, 'generic'>;
  label: string;
  columns: PresetColumn[];
  /** headers only this export has: they weigh more when scoring */
  signature: string[];
  /** the delimiter this CRM writes and reads back */
  delimiter?: ',' | ';';
  /** values this export writes in a column for "not set" (Outlook's "0/0/00" birthday): read as empty */
  unset?: Record<string, string[]>;
}

const c = (header: string, field: ContactField | null, importOnly?: true): PresetColumn =>
  importOnly ? { header, field, importOnly } : { header, field };
const alt = (header: string, field: ContactField | null) => c(header, field, true);

export const PRESETS: Preset[] = [
  {
    // LinkedIn "Get a copy of your data" → Connections.csv (three lines of notes precede the header)
    id: 'linkedin-connections',
    label: 'LinkedIn connections',
    columns: [
      c('First Name', 'firstName'), c('Last Name', 'lastName'), c('URL', 'profileUrl'),
      c('Email Address', 'email'), c('Company', 'company'), c('Position', 'position'),
      c('Connected On', 'connectedOn'),
    ],
    signature: ['URL', 'Email Address', 'Connected On', 'Position'],
  },
  {
    // Google Contacts "Google CSV": the 2024 layout first (written on export), then the older one
    id: 'google-contacts',
    label: 'Google Contacts',
    columns: [
      c('First Name', 'firstName'), c('Middle Name', 'middleName'), c('Last Name', 'lastName'),
      c('Organization Name', 'company'), c('Organization Title', 'position'), c('Birthday', 'birthday'),
      c('Notes', 'notes'), c('Labels', 'tags'), c('E-mail 1 - Label', null), c('E-mail 1 - Value', 'email'),
      c('E-mail 2 - Label', null), c('E-mail 2 - Value', 'email'), c('Phone 1 - Label', null),
      c('Phone 1 - Value', 'phone'), c('Phone 2 - Label', null), c('Phone 2 - Value', 'phone'),
      c('Address 1 - City', 'city'), c('Address 1 - Country', 'country'), c('Website 1 - Value', 'website'),
      alt('Name', 'name'), alt('Given Name', 'firstName'), alt('Additional Name', 'middleName'),
      alt('Family Name', 'lastName'), alt('Nickname', null), alt('File As', null), alt('Group Membership', 'tags'),
      alt('E-mail 1 - Type', null), alt('E-mail 2 - Type', null), alt('E-mail 3 - Value', 'email'),
      alt('Phone 1 - Type', null), alt('Phone 2 - Type', null), alt('Phone 3 - Value', 'phone'),
      alt('Organization 1 - Type', null), alt('Organization 1 - Name', 'company'),
      alt('Organization 1 - Title', 'position'), alt('Organization Department', null),
      alt('Address 1 - Formatted', null), alt('Website 1 - Type', null), alt('Website 1 - Label', null),
    ],
    signature: [
      'E-mail 1 - Value', 'Phone 1 - Value', 'Organization 1 - Name', 'Organization Name', 'Given Name',
      'Family Name', 'Group Membership', 'Labels', 'E-mail 1 - Label', 'E-mail 1 - Type', 'File As',
    ],
  },
  {
    // Outlook (classic and outlook.com) "Export contacts" CSV. Its "Title" is the salutation (Mr., Dr.).
    id: 'outlook',
    label: 'Outlook',
    columns: [
      c('First Name', 'firstName'), c('Middle Name', 'middleName'), c('Last Name', 'lastName'),
      c('Title', null), c('Company', 'company'), c('Department', null), c('Job Title', 'position'),
      c('Business City', 'city'), c('Business Country/Region', 'country'), c('Business Phone', 'phone'),
      c('Mobile Phone', 'phone'), c('E-mail Address', 'email'), c('E-mail 2 Address', 'email'),
      c('Notes', 'notes'), c('Web Page', 'website'), c('Birthday', 'birthday'), c('Categories', 'tags'),
      alt('Suffix', null), alt('Business Street', null), alt('Business State', null),
      alt('Business Postal Code', null), alt('Business Phone 2', 'phone'), alt('Home Phone', 'phone'),
      alt('Home City', 'city'), alt('E-mail Type', null), alt('E-mail Display Name', null),
      alt('E-mail 3 Address', 'email'),
      // the Russian desktop export (Windows-1251): its own names for the same columns
      alt('Обращение', null), alt('Улица (раб. адрес)', null), alt('Имя', 'firstName'), alt('Отчество', 'middleName'), alt('Фамилия', 'lastName'),
      alt('Организация', 'company'), alt('Отдел', null), alt('Должность', 'position'), alt('Город (раб. адрес)', 'city'),
      alt('Страна или регион (раб. адрес)', 'country'), alt('Рабочий телефон', 'phone'), alt('Телефон раб. 2', 'phone'),
      alt('Телефон переносной', 'phone'), alt('Домашний телефон', 'phone'), alt('Основной телефон', 'phone'),
      alt('Другой телефон', 'phone'), alt('Адрес эл. почты', 'email'), alt('Адрес 2 эл. почты', 'email'),
      alt('Адрес 3 эл. почты', 'email'), alt('Заметки', 'notes'), alt('Веб-страница', 'website'),
      alt('День рождения', 'birthday'), alt('Категории', 'tags'), alt('Тип эл. почты', null), alt('Краткое имя эл. почты', null),
      // and the German one (Windows-1252)
      alt('Anrede', null), alt('Vorname', 'firstName'), alt('Weitere Vornamen', 'middleName'), alt('Nachname', 'lastName'),
      alt('Firma', 'company'), alt('Abteilung', null), alt('Position', 'position'), alt('Ort geschäftlich', 'city'),
      alt('Land/Region geschäftlich', 'country'), alt('Telefon geschäftlich', 'phone'), alt('Telefon geschäftlich 2', 'phone'),
      alt('Mobiltelefon', 'phone'), alt('Mobiltelefon 2', 'phone'), alt('Telefon privat', 'phone'), alt('Telefon privat 2', 'phone'),
      alt('Haupttelefon', 'phone'), alt('Weiteres Telefon', 'phone'), alt('E-Mail-Adresse', 'email'), alt('E-Mail 2: Adresse', 'email'),
      alt('E-Mail 3: Adresse', 'email'), alt('E-Mail-Typ', null), alt('E-Mail: Angezeigter Name', null), alt('Notizen', 'notes'),
      alt('Webseite', 'website'), alt('Geburtstag', 'birthday'), alt('Kategorien', 'tags'), alt('Ort privat', null), alt('Straße geschäftlich', null),
      // and the Chinese one (UTF-8)
      alt('名', 'firstName'), alt('中间名', 'middleName'), alt('姓', 'lastName'), alt('单位', 'company'), alt('部门', null),
      alt('职务', 'position'), alt('商务地址 市/县', 'city'), alt('商务地址 国家/地区', 'country'), alt('商务电话', 'phone'),
      alt('商务电话 2', 'phone'), alt('移动电话', 'phone'), alt('住宅电话', 'phone'), alt('住宅电话 2', 'phone'), alt('主要电话', 'phone'),
      alt('其他电话', 'phone'), alt('电子邮件地址', 'email'), alt('电子邮件 2 地址', 'email'), alt('电子邮件 3 地址', 'email'),
      alt('电子邮件类型', null), alt('电子邮件显示名称', null), alt('附注', 'notes'), alt('网页', 'website'), alt('生日', 'birthday'), alt('类别', 'tags'),
    ],
    signature: [
      'E-mail Address', 'Business Phone', 'Job Title', 'E-mail Display Name', 'Business City', 'E-mail Type', 'Web Page', 'Categories',
      'Адрес эл. почты', 'Телефон переносной', 'Улица (раб. адрес)', 'Тип эл. почты', 'Краткое имя эл. почты', 'Веб-страница',
      'E-Mail-Adresse', 'E-Mail-Typ', 'E-Mail: Angezeigter Name', 'Telefon geschäftlich', 'Straße geschäftlich', 'Weitere Vornamen',
      '电子邮件地址', '电子邮件类型', '电子邮件显示名称', '商务电话', '移动电话', '中间名',
    ],
    // the desktop export fills every contact's unset dates and flags with these (in English and in Russian)
    unset: {
      Birthday: ['0/0/00'], Anniversary: ['0/0/00'], Gender: ['Unspecified'], Priority: ['Normal'],
      Sensitivity: ['Normal'], Private: ['False'],
      'День рождения': ['0.0.00'], 'Годовщина': ['0.0.00'], 'Пол': ['Не определен'], 'Важность': ['Обычная'],
      'Пометка': ['Обычная'], 'Частное': ['Ложь'], 'Отложено': ['Ложь'],
      Geburtstag: ['0.0.00'], Jahrestag: ['0.0.00'], Geschlecht: ['Keine Angabe'], 'Priorität': ['Normal'],
      Vertraulichkeit: ['Normal'], Privat: ['Aus'],
      生日: ['00/0/0'], 纪念日: ['00/0/0'], 性别: ['未指定'], 优先级: ['中'], 敏感度: ['普通'], 私有: ['False'],
    },
  },
  {
    id: 'hubspot',
    label: 'HubSpot',
    columns: [
      c('Record ID', 'crmId'), c('First Name', 'firstName'), c('Last Name', 'lastName'), c('Email', 'email'),
      c('Phone Number', 'phone'), c('Company Name', 'company'), c('Job Title', 'position'), c('City', 'city'),
      c('Country/Region', 'country'), c('Lifecycle Stage', 'stage'), c('LinkedIn URL', 'profileUrl'),
      alt('Contact ID', 'crmId'), alt('Mobile Phone Number', 'phone'), alt('Contact owner', 'owner'),
      alt('Lead Status', null), alt('Create Date', null), alt('Last Activity Date', null),
      alt('Associated Company', 'company'), alt('Website URL', 'website'),
    ],
    signature: ['Record ID', 'Lifecycle Stage', 'Phone Number', 'Company Name', 'Contact owner', 'Lead Status', 'Create Date', 'Last Activity Date'],
  },
  {
    // Salesforce contact report / Data Loader (API names match too: FirstName ~ First Name)
    id: 'salesforce',
    label: 'Salesforce',
    columns: [
      c('Contact ID', 'crmId'), c('Salutation', null), c('First Name', 'firstName'), c('Last Name', 'lastName'),
      c('Title', 'position'), c('Account Name', 'company'), c('Mailing City', 'city'),
      c('Mailing Country', 'country'), c('Phone', 'phone'), c('Mobile', 'phone'), c('Email', 'email'),
      c('Description', 'notes'),
      alt('Id', 'crmId'), alt('Mailing Street', null), alt('Mailing State/Province', null),
      alt('Mailing Zip/Postal Code', null), alt('Account Owner', null), alt('Contact Owner', 'owner'),
      alt('Lead Source', null), alt('AccountId', null), alt('Birthdate', 'birthday'),
    ],
    signature: ['Contact ID', 'Mailing State/Province', 'Mailing Zip/Postal Code', 'Account Owner', 'AccountId', 'Salutation', 'Birthdate'],
  },
  {
    // Pipedrive people export: every header prefixed "Person - "
    id: 'pipedrive',
    label: 'Pipedrive',
    columns: [
      c('Person - ID', 'crmId'), c('Person - Name', 'name'), c('Person - First name', 'firstName'),
      c('Person - Last name', 'lastName'), c('Person - Email', 'email'), c('Person - Phone', 'phone'),
      c('Person - Organization', 'company'), c('Person - Job title', 'position'), c('Person - Labels', 'tags'),
      alt('Person - Email - Work', 'email'), alt('Person - Email - Home', 'email'),
      alt('Person - Email - Other', 'email'), alt('Person - Phone - Work', 'phone'),
      alt('Person - Phone - Mobile', 'phone'), alt('Person - Phone - Home', 'phone'),
      alt('Person - Label', 'tags'), alt('Person - Owner', 'owner'), alt('Person - Notes', 'notes'),
      alt('Person - Postal address - City', 'city'), alt('Organization - Name', 'company'),
      alt('Person - Title', 'position'), alt('Person - Phone - Other', 'phone'),
    ],
    signature: ['Person - ID', 'Person - Name', 'Person - Email', 'Person - Phone', 'Person - Organization', 'Person - Owner', 'Person - Label', 'Person - Labels'],
  },
  {
    // Thunderbird's address book export (its "Collected Addresses" too): the header ends in a comma
    id: 'thunderbird',
    label: 'Thunderbird',
    columns: [
      c('First Name', 'firstName'), c('Last Name', 'lastName'), c('Display Name', 'name'), c('Nickname', null),
      c('Primary Email', 'email'), c('Secondary Email', 'email'), c('Screen Name', null), c('Work Phone', 'phone'),
      c('Home Phone', 'phone'), c('Fax Number', null), c('Pager Number', null), c('Mobile Number', 'phone'),
      c('Home Address', null), c('Home Address 2', null), c('Home City', null), c('Home State', null),
      c('Home ZipCode', null), c('Home Country', null), c('Work Address', null), c('Work Address 2', null),
      c('Work City', 'city'), c('Work State', null), c('Work ZipCode', null), c('Work Country', 'country'),
      c('Job Title', 'position'), c('Department', null), c('Organization', 'company'), c('Web Page 1', 'website'),
      c('Web Page 2', null), c('Birth Year', null), c('Birth Month', null), c('Birth Day', null),
      c('Custom 1', null), c('Custom 2', null), c('Custom 3', null), c('Custom 4', null), c('Notes', 'notes'),
    ],
    signature: ['Primary Email', 'Secondary Email', 'Screen Name', 'Mobile Number', 'Pager Number', 'Fax Number', 'Web Page 1', 'Birth Year', 'Work ZipCode', 'Home ZipCode'],
  },
  {
    id: 'zoho',
    label: 'Zoho CRM',
    columns: [
      c('Record Id', 'crmId'), c('First Name', 'firstName'), c('Last Name', 'lastName'),
      c('Account Name', 'company'), c('Email', 'email'), c('Secondary Email', 'email'), c('Title', 'position'),
      c('Phone', 'phone'), c('Mobile', 'phone'), c('Mailing City', 'city'), c('Mailing Country', 'country'),
      c('Description', 'notes'),
      alt('Contact Id', 'crmId'), alt('Contact Owner', 'owner'), alt('Salutation', null), alt('Lead Source', null),
      alt('Department', null), alt('Skype ID', null), alt('Email Opt Out', null), alt('Mailing Street', null),
      alt('Mailing Zip', null), alt('Mailing State', null), alt('Created Time', null), alt('Modified Time', null),
      alt('Date of Birth', 'birthday'), alt('Tag', 'tags'),
    ],
    signature: ['Record Id', 'Contact Id', 'Secondary Email', 'Skype ID', 'Email Opt Out', 'Mailing Zip', 'Created Time', 'Modified Time'],
  },
  {
    // amoCRM (Kommo) contacts export, Russian interface
    id: 'amocrm',
    label: 'amoCRM',
    columns: [
      c('ID', 'crmId'), c('Полное имя', 'name'), c('Имя', 'firstName'), c('Фамилия', 'lastName'),
      c('Компания', 'company'), c('Должность', 'position'), c('Рабочий email', 'email'),
      c('Рабочий телефон', 'phone'), c('Мобильный телефон', 'phone'), c('Теги', 'tags'),
      c('Примечание', 'notes'),
      alt('Email', 'email'), alt('Личный email', 'email'), alt('Другой email', 'email'), alt('Телефон', 'phone'),
      alt('Рабочий прямой', 'phone'), alt('Домашний телефон', 'phone'), alt('Ответственный', 'owner'),
      alt('Дата создания', null), alt('Кем создан', null), alt('Город', 'city'),
      // the contacts export of 2024–2025: the full name (patronymic and order as typed) is its own column
      alt('Полное имя контакта', 'name'), alt('Должность (контакт)', 'position'), alt('Web', 'website'),
      alt('Дата редактирования', null), alt('Кем редактирован', null), alt('Skype', null),
      alt('Компания контакта', 'company'), alt('Ответственный за контакт', 'owner'),
    ],
    signature: ['Полное имя', 'Полное имя контакта', 'Рабочий email', 'Личный email', 'Теги', 'Рабочий прямой', 'Кем создан', 'Кем редактирован'],
  },
  {
    // Bitrix24 CRM → Contacts → Export (CSV, Windows-1251, ";")
    id: 'bitrix24',
    label: 'Bitrix24',
    delimiter: ';',
    columns: [
      c('ID', 'crmId'), c('Обращение', null), c('Имя', 'firstName'), c('Отчество', 'middleName'),
      c('Фамилия', 'lastName'), c('Дата рождения', 'birthday'), c('Компания', 'company'),
      c('Должность', 'position'), c('Рабочий телефон', 'phone'), c('Мобильный телефон', 'phone'),
      c('Рабочий e-mail', 'email'), c('Частный e-mail', 'email'), c('Город', 'city'), c('Страна', 'country'),
      c('Комментарий', 'notes'), c('Контакт ВКонтакте', 'profileUrl'), c('Контакт Facebook', 'profileUrl'),
      alt('E-mail', 'email'), alt('Телефон', 'phone'), alt('Домашний телефон', 'phone'),
      alt('Другой e-mail', 'email'), alt('Рабочий сайт', 'website'), alt('Тип контакта', null),
      alt('Источник', null), alt('Ответственный', 'owner'), alt('Дата создания', null), alt('Адрес', null),
      // the leads export: a lead's own columns (its title, status, deal amount and products stay custom fields)
      alt('Название лида', null), alt('Статус', 'stage'), alt('Название компании', 'company'),
      alt('Корпоративный сайт', 'website'), alt('Клиент', null), alt('Сумма', null), alt('Валюта', null),
      alt('Товар', null), alt('Цена', null), alt('Количество', null), alt('Повторный лид', null),
    ],
    signature: ['Отчество', 'Рабочий e-mail', 'Частный e-mail', 'Обращение', 'Тип контакта', 'Комментарий', 'Контакт ВКонтакте', 'Дата рождения', 'Название лида', 'Повторный лид'],
  },
];

export function presetById(id: PresetId): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}
