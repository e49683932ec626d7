/**
 * Messages of the offline manifest validator, French first with an English variant.
 * Placeholders are written {{name}}.
 */
export const MANIFEST_MESSAGES = {
  "xml.malformed": {
    fr: "XML mal formé (ligne {{line}}, colonne {{column}}) : {{detail}}",
    en: "Malformed XML (line {{line}}, column {{column}}): {{detail}}",
  },
  "root.element": {
    fr: "l'élément racine doit être <OfficeApp> (trouvé : <{{name}}>)",
    en: "the root element must be <OfficeApp> (found: <{{name}}>)",
  },
  "root.namespace": {
    fr: "espace de noms de <OfficeApp> inattendu : « {{value}} » (attendu : {{expected}})",
    en: 'unexpected <OfficeApp> namespace: "{{value}}" (expected: {{expected}})',
  },
  "root.type": {
    fr: "xsi:type de <OfficeApp> vaut « {{value}} » : un complément de volet Excel attend « TaskPaneApp »",
    en: 'the <OfficeApp> xsi:type is "{{value}}": an Excel task pane add-in needs "TaskPaneApp"',
  },
  "namespace.undeclared": {
    fr: "le préfixe « {{prefix}} » est employé sans déclaration xmlns:{{prefix}}",
    en: 'the prefix "{{prefix}}" is used without an xmlns:{{prefix}} declaration',
  },
  "element.missing": {
    fr: "élément obligatoire <{{name}}> absent",
    en: "required element <{{name}}> is missing",
  },
  "element.order": {
    fr: "<{{name}}> est mal placé : il doit venir avant <{{before}}> (ordre imposé par le schéma du manifeste)",
    en: "<{{name}}> is out of order: it must come before <{{before}}> (order required by the manifest schema)",
  },
  "element.duplicate": {
    fr: "<{{name}}> apparaît plusieurs fois (une seule occurrence permise)",
    en: "<{{name}}> appears more than once (only one allowed)",
  },
  "element.unknown": {
    fr: "élément <{{name}}> inconnu à cet endroit : il sera rejeté ou ignoré",
    en: "unknown element <{{name}}> here: it will be rejected or ignored",
  },
  "value.missing": {
    fr: "<{{name}}> n'a pas de valeur (attribut {{attribute}} vide ou absent)",
    en: "<{{name}}> has no value (attribute {{attribute}} empty or missing)",
  },
  "id.guid": {
    fr: "l'identifiant « {{value}} » n'est pas un GUID (forme attendue : 8-4-4-4-12 chiffres hexadécimaux)",
    en: 'the Id "{{value}}" is not a GUID (expected form: 8-4-4-4-12 hexadecimal digits)',
  },
  "version.format": {
    fr: "version « {{value}} » invalide (attendu : n.n.n.n, par ex. 1.0.0.0)",
    en: 'invalid version "{{value}}" (expected n.n.n.n, e.g. 1.0.0.0)',
  },
  "locale.invalid": {
    fr: "langue par défaut « {{value}} » invalide (attendu : une balise de langue, par ex. fr-FR)",
    en: 'invalid default locale "{{value}}" (expected a language tag, e.g. fr-FR)',
  },
  "permissions.invalid": {
    fr: "autorisation « {{value}} » invalide (attendu : {{expected}})",
    en: 'invalid permission "{{value}}" (expected: {{expected}})',
  },
  "hosts.noWorkbook": {
    fr: "aucun hôte « Workbook » déclaré : le complément ne sera pas proposé dans Excel",
    en: 'no "Workbook" host declared: the add-in will not be offered in Excel',
  },
  "requirements.version": {
    fr: "version minimale « {{value}} » invalide pour l'ensemble {{name}} (attendu : n.n)",
    en: 'invalid minimum version "{{value}}" for requirement set {{name}} (expected n.n)',
  },
  "url.invalid": {
    fr: "adresse « {{value}} » invalide",
    en: 'invalid URL "{{value}}"',
  },
  "url.notHttps": {
    fr: "l'adresse « {{value}} » doit être en https",
    en: 'the URL "{{value}}" must use https',
  },
  "addinUrl.invalid": {
    fr: "ADDIN_URL « {{value}} » n'est pas une adresse web complète (exemple : https://intranet.departement.fr/bilan/)",
    en: 'ADDIN_URL "{{value}}" is not a complete web address (example: https://intranet.departement.fr/bilan/)',
  },
  "addinUrl.notHttps": {
    fr: "ADDIN_URL « {{value}} » doit commencer par https:// : Office refuse de charger un complément servi en {{scheme}}",
    en: 'ADDIN_URL "{{value}}" must start with https://: Office refuses to load an add-in served over {{scheme}}',
  },
  "addinUrl.extra": {
    fr: "ADDIN_URL « {{value}} » contient « {{what}} » : donnez seulement l'adresse du dossier où est publié dist/web (par exemple {{folder}})",
    en: 'ADDIN_URL "{{value}}" holds "{{what}}": give only the address of the folder where dist/web is published (for example {{folder}})',
  },
  "addinUrl.file": {
    fr: "ADDIN_URL « {{value}} » désigne un fichier ({{file}}) : donnez le dossier qui contient taskpane.html, ici {{folder}}",
    en: 'ADDIN_URL "{{value}}" points to a file ({{file}}): give the folder that holds taskpane.html, here {{folder}}',
  },
  "addinUrl.emptySegment": {
    fr: "ADDIN_URL « {{value}} » a un chemin avec « // » : corrigez-le (par exemple {{folder}})",
    en: 'ADDIN_URL "{{value}}" has "//" in its path: correct it (for example {{folder}})',
  },
  "addinUrl.localhostLeft": {
    fr: "le manifeste publié mentionne encore localhost (ligne {{line}}) : cette adresse ne vient pas de https://localhost:3000/, que la publication remplace",
    en: "the published manifest still mentions localhost (line {{line}}): that address does not start with https://localhost:3000/, which publishing replaces",
  },
  "versionOverrides.type": {
    fr: "<VersionOverrides> doit avoir xmlns « {{expectedNs}} » et xsi:type « {{expectedType}} » (trouvé : « {{ns}} », « {{type}} »)",
    en: '<VersionOverrides> needs xmlns "{{expectedNs}}" and xsi:type "{{expectedType}}" (found: "{{ns}}", "{{type}}")',
  },
  "resid.missing": {
    fr: "<{{name}}> n'a pas d'attribut resid",
    en: "<{{name}}> has no resid attribute",
  },
  "resid.dangling": {
    fr: "resid « {{resid}} » ne correspond à aucune ressource ({{kind}})",
    en: 'resid "{{resid}}" does not match any resource ({{kind}})',
  },
  "resid.wrongKind": {
    fr: "resid « {{resid}} » désigne une ressource {{found}} alors qu'une ressource {{kind}} est attendue",
    en: 'resid "{{resid}}" points to a {{found}} resource where a {{kind}} resource is expected',
  },
  "resource.duplicateId": {
    fr: "l'identifiant de ressource « {{id}} » est déjà employé",
    en: 'the resource id "{{id}}" is already used',
  },
  "resource.idTooLong": {
    fr: "l'identifiant de ressource « {{id}} » dépasse 32 caractères ({{length}})",
    en: 'the resource id "{{id}}" is longer than 32 characters ({{length}})',
  },
  "resource.unused": {
    fr: "la ressource « {{id}} » n'est employée nulle part",
    en: 'the resource "{{id}}" is not used anywhere',
  },
  "string.tooLong": {
    fr: "texte de {{length}} caractères : {{max}} au plus pour {{kind}}",
    en: "text of {{length}} characters: at most {{max}} for {{kind}}",
  },
  "override.missing": {
    fr: 'pas de traduction {{locale}} (<Override Locale="{{locale}}">) : le texte français s\'affichera',
    en: 'no {{locale}} translation (<Override Locale="{{locale}}">): the French text will be shown',
  },
  "icon.missingFile": {
    fr: "l'image « {{url}} » n'a pas de fichier correspondant : {{file}} introuvable",
    en: 'the image "{{url}}" has no matching file: {{file}} not found',
  },
  "icon.notPng": {
    fr: "le fichier {{file}} n'est pas une image PNG ({{detail}})",
    en: "the file {{file}} is not a PNG image ({{detail}})",
  },
  "icon.wrongSize": {
    fr: "l'image {{file}} mesure {{width}}×{{height}} px au lieu de {{size}}×{{size}}",
    en: "the image {{file}} is {{width}}×{{height}} px instead of {{size}}×{{size}}",
  },
  "icon.missingSize": {
    fr: "<Icon> sans image de taille {{size}} (tailles requises : 16, 32 et 80)",
    en: "<Icon> has no image of size {{size}} (required sizes: 16, 32 and 80)",
  },
  "icon.recommendedSize": {
    fr: "<{{name}}> : taille {{size}}×{{size}} px, {{expected}} px recommandé",
    en: "<{{name}}>: size {{size}}×{{size}} px, {{expected}} px recommended",
  },
  "control.duplicateId": {
    fr: "l'identifiant de contrôle « {{id}} » est déjà employé",
    en: 'the control id "{{id}}" is already used',
  },
  "action.type": {
    fr: "type d'action « {{value}} » inconnu (attendu : ShowTaskpane ou ExecuteFunction)",
    en: 'unknown action type "{{value}}" (expected ShowTaskpane or ExecuteFunction)',
  },
  "function.unknown": {
    fr: "la fonction « {{name}} » n'est pas associée dans les commandes (connues : {{known}})",
    en: 'the function "{{name}}" is not associated in the commands (known: {{known}})',
  },
  "function.unused": {
    fr: "la fonction « {{name}} » est associée dans les commandes mais aucun bouton ne l'appelle",
    en: 'the function "{{name}}" is associated in the commands but no button calls it',
  },
  "functionFile.missing": {
    fr: "des boutons appellent une fonction (ExecuteFunction) mais <FunctionFile> est absent",
    en: "buttons call a function (ExecuteFunction) but <FunctionFile> is missing",
  },
  "runtime.otherPage": {
    fr: "<{{name}}> désigne « {{resid}} » alors que le runtime partagé est « {{runtime}} » : cette page serait chargée dans un autre runtime",
    en: '<{{name}}> points to "{{resid}}" while the shared runtime is "{{runtime}}": that page would be loaded in another runtime',
  },
  "runtime.requirement": {
    fr: 'un runtime partagé est déclaré (<Runtimes>) sans l\'ensemble de conditions {{name}} (<Set Name="{{name}}" MinVersion="1.1"/> dans <Requirements>)',
    en: 'a shared runtime is declared (<Runtimes>) without the {{name}} requirement set (<Set Name="{{name}}" MinVersion="1.1"/> in <Requirements>)',
  },
  "runtime.lifetime": {
    fr: 'lifetime « {{value}} » : un runtime partagé Excel demande lifetime="long", sinon il peut s\'arrêter à la fin de chaque commande',
    en: 'lifetime "{{value}}": an Excel shared runtime needs lifetime="long", otherwise it may stop at the end of each command',
  },
} as const satisfies Record<string, { fr: string; en: string }>;

export type ManifestCode = keyof typeof MANIFEST_MESSAGES;

export function formatManifestMessage(
  code: ManifestCode,
  lang: "fr" | "en",
  params: Record<string, string | number> = {},
): string {
  return MANIFEST_MESSAGES[code][lang].replace(/\{\{(\w+)\}\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  );
}
