/** French messages (the users' language). Keys are shared with en.ts. */
export const fr = {
  // A label and its text (French typography puts a space before the colon)
  "format.labelled": "{{label}} : {{text}}",
  // Model: structural (zod) issues
  "model.missing": "champ obligatoire manquant (attendu : {{expected}})",
  "model.type": "{{received}} reçu (attendu : {{expected}})",
  "model.enum": "valeur « {{value}} » inconnue (attendu : {{options}})",
  "model.literal": "valeur « {{value}} » non prise en charge (attendu : {{options}})",
  "model.emptyText": "texte vide",
  "model.tooFewItems": "au moins {{min}} élément(s) attendu(s)",
  "model.tooSmall": "valeur {{value}} inférieure au minimum {{min}}",
  "model.tooBig": "valeur {{value}} supérieure au maximum {{max}}",
  "model.tooLong": "texte de {{length}} caractères : {{max}} au plus",
  "model.loneSurrogate":
    "caractère invalide en position {{position}} (U+{{code}}, moitié isolée d'une paire UTF-16 : texte mal copié ?)",
  "model.notInteger": "nombre entier attendu (reçu : {{value}})",
  "model.format.id":
    "identifiant « {{value}} » invalide (lettres sans accent, chiffres, « _ » et « . », commençant par une lettre ou « _ », 64 caractères au plus)",
  "model.format.periode": "période « {{value}} » invalide (attendu : 2022, 2022-S1, 2022-T3 ou 2022-M07)",
  "model.format.line": "le texte ne doit pas contenir de retour à la ligne (une ligne par élément de liste)",
  "model.format.annee": "année « {{value}} » invalide (attendu : quatre chiffres, par ex. 2024)",
  "model.format.other": "format invalide pour « {{value}} »",
  "model.unknownKeys": "champ inconnu : {{keys}}",
  "model.unknownKeysSuggest": "champ inconnu : {{keys}} (vouliez-vous dire « {{suggestion}} » ?)",
  "model.valeur": "valeur « {{value}} » invalide (attendu : un nombre, true/false ou une date AAAA-MM-JJ)",
  "model.invalid": "valeur invalide",
  "model.json": "JSON invalide ligne {{line}}, colonne {{column}} : {{detail}}",
  "model.tooDeep":
    "JSON imbriqué sur plus de {{max}} niveaux ligne {{line}}, colonne {{column}} : un modèle n'en compte qu'une dizaine",
  "model.notObject": "le fichier doit contenir un objet JSON (le modèle du schéma)",
  // Model: cross-field checks
  "check.periodOrder": "la période commence en {{debut}} et finit en {{fin}} : début après fin",
  "check.noFiche": "aucune fiche action : un bilan porte sur les fiches, le modèle doit en avoir au moins une",
  "check.periodOutside": "période « {{value}} » hors du schéma ({{debut}}–{{fin}})",
  "check.periodFiner":
    "période « {{value}} » plus fine que la granularité du schéma ({{granularite}}) : elle sera affichée dans la colonne {{shown}}",
  "check.dureeAndPeriods": "« dureeSchema » vaut true et des périodes sont aussi données : choisir l'un ou l'autre",
  "check.targetYear": "cible pour l'année {{year}} inconnue : le schéma couvre {{debut}}–{{fin}}",
  "check.referenceYear": "année de référence {{year}} postérieure à la fin du schéma ({{fin}})",
  "check.duplicateId": "identifiant « {{id}} » déjà utilisé par {{other}}",
  "check.duplicateNumero": "numéro « {{numero}} » déjà utilisé par {{other}}",
  "check.ratioParts":
    "un indicateur de type ratio doit nommer son numérateur et son dénominateur (manque : {{missing}})",
  "check.partsNotRatio": "numérateur et dénominateur ne s'emploient qu'avec le type ratio (type : {{type}})",
  "check.budgetPostes":
    "les lignes budgétaires font {{somme}} et le total publié {{montant}} (écart {{ecart}}) : vérifier les montants recopiés",
  "check.boundsOrder": "bornes incohérentes : min {{min}} > max {{max}}",
  "check.boundsType": "borne {{bound}} = {{value}} impossible pour le type {{type}} ({{rule}})",
  "check.valueType": "valeur {{value}} incompatible avec le type {{type}} ({{rule}})",
  "check.valueBounds": "valeur {{value}} hors des bornes de l'indicateur ({{min}} – {{max}})",
  "check.textTarget": "un indicateur de type text n'a pas de cible chiffrée",
  "check.aggregation": "agrégation « {{agregation}} » impossible pour le type {{type}} (possibles : {{allowed}})",
  "check.unknownObjectif": "objectif « {{ref}} » introuvable dans l'axe {{axe}} (objectifs : {{known}})",
  "check.unknownPartenaire": "partenaire « {{ref}} » inconnu : l'ajouter à partenaires[] (connus : {{known}})",
  "check.unknownSousAction": "sous-action « {{ref}} » introuvable dans la fiche {{fiche}} (sous-actions : {{known}})",
  "check.ambiguousRef": "« {{ref}} » désigne plusieurs éléments ({{candidates}}) : utiliser l'identifiant",
  "rule.count": "entier ≥ 0",
  "rule.rate": "pourcentage de 0 à 100",
  "rule.nonNegative": "nombre ≥ 0",
  "rule.number": "nombre",
  "rule.boolean": "true ou false",
  "rule.date": "date AAAA-MM-JJ",
  "rule.none": "aucune valeur",
  // Référentiel table
  "ref.emptyTable": "le tableau est vide (aucune ligne d'en-tête)",
  "ref.unknownColumn": "colonne « {{name}} » inconnue (colonnes reconnues : {{known}})",
  "ref.duplicateColumn": "colonne « {{name}} » présente deux fois (colonnes {{first}} et {{second}})",
  "ref.missingColumn": "colonne obligatoire « {{name}} » absente",
  "ref.conflict":
    "« {{column}} » vaut « {{value}} » alors que la ligne {{firstRow}} indique « {{first}} » pour le même élément",
  "ref.badNumber": "« {{value}} » n'est pas un nombre",
  "ref.badBoolean": "« {{value}} » n'est pas Oui/Non",
  "ref.badPoste": "ligne budgétaire « {{value}} » illisible (attendu : « libellé | montant en euros | précision »)",
  "ref.badJalon": "jalon « {{value}} » illisible (attendu : « 2022 : libellé »)",
  "ref.noRows": "aucune ligne de données sous l'en-tête",
  "ref.orphanRow": "ligne sans axe ni fiche : indiquer au moins « Axe » et « Fiche »",
  "ref.fromBilan": "{{file}} : modèle lu dans le classeur bilan, avec {{count}} cible(s) saisie(s) dans le classeur",
  "ref.sheetMissing": "feuille « {{sheet}} » introuvable (feuilles : {{known}})",
  // Files
  "file.unreadable": "{{file}} : lecture impossible ({{reason}})",
  "file.unknownFormat": "{{file}} : format non reconnu (attendu : .json, .csv ou .xlsx)",
  "file.notFound": "{{file}} : fichier introuvable",
  "file.encoding.windows1252":
    "{{file}} : lu en Windows-1252 (l'encodage des CSV d'un Excel français) car il n'est pas en UTF-8 (ligne {{line}}) ; l'enregistrer en « CSV UTF-8 » évite cette conversion",
  "file.encoding.unknown":
    "{{file}} : encodage non reconnu, ni UTF-8 ni Windows-1252 (octet {{byte}} à la position {{offset}}) : l'enregistrer en UTF-8",
  "file.encoding.binary":
    "{{file}} : ce n'est pas un fichier texte (octet nul à la position {{offset}} ; de l'UTF-16 sans BOM ?) : l'enregistrer en UTF-8",
  "file.encoding.badUtf16": "{{file}} : marqué {{encoding}} par son BOM mais illisible dans cet encodage",
  "file.exists": "{{file}} existe déjà : ajouter --force pour le remplacer",
  "file.isInput":
    "{{file}} est aussi un fichier d'entrée ({{input}}) : il n'est jamais remplacé, même avec --force ; choisir un autre fichier de sortie",
  // Workbook layout
  "layout.yearOutside": "année de campagne {{year}} hors de la période du schéma ({{debut}}–{{fin}})",
  "layout.unknownPartenaire": "partenaire « {{ref}} » inconnu (partenaires du schéma : {{known}})",
  "layout.unknownTerritoire": "territoire « {{ref}} » inconnu (territoires du schéma : {{known}})",
  "layout.emptyCut": "aucune fiche ne concerne « {{nom}} » : le classeur serait vide",
  // Command line
  "cli.description":
    "Bilan annuel d'un schéma départemental de l'enfance et de la famille : modèles, classeurs de suivi, contrôles",
  "cli.lang": "langue des messages (fr ou en)",
  "cli.schemas.description": "liste les schémas intégrés avec leurs effectifs",
  "cli.json": "sortie JSON",
  "cli.schemas.header": "id|titre|période|axes|fiches|sous-actions|indicateurs",
  "cli.check.description": "vérifie un modèle de schéma (JSON, ou tableau référentiel CSV/XLSX) et liste ses erreurs",
  "cli.check.file": "fichier du modèle (.json, .csv ou .xlsx)",
  "cli.sheet": "feuille du classeur où lire le référentiel (par défaut : « Référentiel », sinon la première)",
  "cli.check.ok":
    "{{file}} : modèle valide — {{axes}} axes, {{fiches}} fiches, {{sousActions}} sous-actions, {{indicateurs}} indicateurs",
  "cli.check.ko": "{{file}} : {{count}} erreur(s)",
  "cli.warning": "avertissement",
  "cli.error": "erreur",
  "cli.info": "info",
  "cli.export.description":
    "exporte un modèle en JSON (normalisé, identifiants compris) ou en tableau référentiel (CSV, XLSX)",
  "cli.export.schema": "identifiant d'un schéma intégré, ou fichier de modèle",
  "cli.export.format": "format de sortie : json, csv ou xlsx",
  "cli.output": "fichier de sortie (par défaut : la sortie standard ; obligatoire pour xlsx)",
  "cli.force": "remplacer le fichier de sortie s'il existe",
  "cli.delimiter": "séparateur CSV (« ; » pour un Excel français)",
  "cli.bom": "ajouter un BOM UTF-8 (pour qu'Excel lise les accents)",
  "cli.export.needOutput": "le format xlsx demande un fichier de sortie (-o FICHIER.xlsx)",
  "cli.written": "écrit : {{file}}",
  "cli.unknownSchema": "« {{value}} » n'est ni un schéma intégré ({{known}}) ni un fichier existant",
  "cli.generate.description": "génère le classeur de bilan d'un schéma pour une campagne (fichier .xlsx)",
  "cli.generate.year": "année de campagne (par défaut : l'année en cours, dans la période du schéma)",
  "cli.generate.badYear": "année « {{value}} » invalide (attendu : quatre chiffres)",
  "cli.generate.partner":
    "classeur pour un seul partenaire : les fiches dont il est pilote ou partenaire (id, nom ou sigle)",
  "cli.generate.territory": "classeur pour un seul territoire (id ou nom)",
  "cli.generate.granularity": "colonnes du calendrier (par défaut : celles du modèle)",
  "cli.generate.password": "mot de passe de protection des feuilles (aucun par défaut)",
  "cli.generate.output": "classeur à écrire",
  "cli.generate.oneCut": "choisir --partner ou --territory, pas les deux",
  "cli.generate.done":
    "{{file}} : bilan {{year}}, {{sheets}} feuille(s) d'axe, {{fiches}} fiches, {{inputs}} cellules de saisie ({{ms}} ms)",
  "office.render.foreignSheet":
    "Le classeur a déjà une feuille du même nom qu'une feuille du bilan ({{sheets}}) et elle n'a pas été créée par le complément : renommez-la ou déplacez-la dans un autre classeur, puis générez à nouveau.",
  "office.render.existing":
    "Le classeur contient déjà un bilan ({{sheets}}). Choisissez « Remplacer » pour remplacer les feuilles créées par le complément (les autres feuilles ne sont jamais touchées).",
  "office.render.cancelled": "Génération annulée : le classeur est revenu à son état d'avant.",
  "office.export.foreignSheet":
    "Le classeur a déjà une feuille « {{sheet}} » qui n'a pas été créée par le complément : renommez-la, puis exportez à nouveau.",
  "validate.structure.metaMissing":
    "La feuille de métadonnées « _bilan_meta » a été supprimée : le classeur ne peut plus être relu par identifiant.",
  "validate.structure.metaAltered": "Les métadonnées du classeur ont été modifiées ({{detail}}).",
  "validate.structure.otherModel": "Classeur d'un autre modèle : « {{found}} » au lieu de « {{expected}} ».",
  "validate.structure.otherVersion":
    "Classeur de la version {{found}} du modèle, {{expected}} attendue : le mettre à niveau avec « bilan upgrade ».",
  "validate.structure.otherCampaign": "Classeur de la campagne {{found}}, {{expected}} attendue.",
  "validate.structure.sheetMissing": "La feuille « {{sheet}} » est absente (supprimée ou renommée{{hint}}).",
  "validate.structure.rowsMoved":
    "Des lignes ont été insérées ou supprimées dans {{fiche}} : « {{label}} » est passée de la ligne {{from}} à la ligne {{to}}.",
  "validate.structure.rowDeleted": "La ligne « {{label}} » de {{fiche}} a été supprimée.",
  "validate.structure.labelEdited": "Libellé modifié : « {{found}} » au lieu de « {{expected}} ».",
  "validate.structure.formulaReplaced": "La formule {{expected}} a été remplacée par {{found}}.",
  "validate.structure.unprotected":
    "La protection de la feuille « {{sheet}} » a été retirée : vérifier que les cellules verrouillées n'ont pas été modifiées.",
  "validate.structure.trusted": "Les valeurs saisies restent lisibles.",
  "validate.structure.untrusted": "Les valeurs concernées ne peuvent pas être relues de façon sûre.",
  "validate.type.textInNumber": "Texte « {{value}} » dans une cellule qui attend {{what}}.",
  "validate.type.decimals": "{{value}} n'est pas un nombre entier : un dénombrement n'a pas de décimales.",
  "validate.type.proportion":
    "{{value}} ressemble à une proportion de 0 à 1 : un pourcentage est attendu (saisir {{percent}} pour {{percent}} %).",
  "validate.type.date": "« {{value}} » n'est pas une date entre le 01/01/{{debut}} et le 31/12/{{fin}}.",
  "validate.type.dateAsText":
    "« {{value}} » est du texte, pas une date : Excel ne peut ni la trier ni la comparer. La saisir de nouveau dans la cellule au format date.",
  "validate.type.notInList": "« {{value}} » n'est pas dans la liste ({{list}}).",
  "validate.type.tooLong": "Texte de {{length}} caractères : {{max}} au plus.",
  "validate.range.negative": "{{value}} est négatif : un nombre positif ou nul est attendu.",
  "validate.range.rateAbove100": "Taux de {{value}} % : un pourcentage entre 0 et 100 est attendu{{hint}}.",
  "validate.range.bounds": "{{value}} est hors des bornes du modèle ({{bounds}}).",
  "validate.range.numeratorAbove": "Numérateur {{num}} supérieur au dénominateur {{den}} : le taux dépasserait 100 %.",
  "validate.range.amountMax": "{{value}} dépasse le plus grand montant qu'une cellule de budget accepte ({{max}}).",
  "validate.budget.engagedAboveVoted":
    "{{fiche}}, {{year}} : engagé {{engage}} supérieur au voté {{vote}}. Possible sur des crédits d'années antérieures ; sinon, vérifier les montants.",
  "validate.budget.paidAboveEngaged":
    "{{fiche}}, {{year}} : mandaté {{mandate}} supérieur à l'engagé {{engage}}. Possible pour des mandats sur des engagements antérieurs ; sinon, vérifier les montants.",
  "validate.range.zeroDenominator":
    "Dénominateur nul alors que le numérateur vaut {{num}} : le taux ne peut pas être calculé.",
  "validate.completeness.value": "Valeur {{year}} attendue pour « {{label}} ».",
  "validate.completeness.status": "État d'avancement {{period}} attendu pour « {{label}} ».",
  "validate.plausibility.previous":
    "Valeur {{year}} ({{value}}) = {{ratio}} × la valeur {{prevYear}} ({{prev}}) : écart au-delà du facteur {{factor}}, à vérifier.",
  "validate.plausibility.baseline":
    "Valeur {{value}} = {{ratio}} × la référence ({{baseline}}) : écart au-delà du facteur {{factor}}, à vérifier.",
  "validate.calendar.outsidePlan":
    "« {{label}} » : l'état « {{value}} » est saisi en {{cell}} ({{period}}), période non prévue ou postérieure à la campagne {{year}} : il n'est pas compté ; le saisir dans une période prévue.",
  "validate.calendar.notStartedPast":
    "« Non commencé » pour {{period}}, période prévue et déjà passée (campagne {{year}}) : action en retard.",
  "validate.calendar.reasonMissing":
    "« {{label}} » est « {{statut}} » en {{year}} sans motif : le dire dans son commentaire de la campagne.",
  "validate.comment.onInput": "{{what}} en {{cell}} sur « {{label}} » : « {{text}} »{{replies}}.",
  "validate.comment.elsewhere":
    "{{what}} en {{cell}}, hors des cellules de saisie ({{label}}) : « {{text}} »{{replies}}.",
  "validate.mark.head": "⚠ Contrôle du bilan : valeur refusée (note et couleur retirées au prochain contrôle)",
  "validate.comment.note": "Note",
  "validate.comment.noteBy": "Note de {{author}}",
  "validate.comment.thread": "Commentaire",
  "validate.comment.threadBy": "Commentaire de {{author}}",
  "validate.comment.reply": " ; réponse : « {{text}} »",
  "validate.comment.replyBy": " ; réponse de {{author}} : « {{text}} »",
  "validate.file.unreadable": "Fichier illisible : {{reason}}.",
  "validate.file.empty": "le fichier est vide",
  "validate.file.notZip": "ce n'est pas un classeur .xlsx (contenu non reconnu)",
  "validate.file.encrypted":
    "le classeur est chiffré par un mot de passe : l'ouvrir dans Excel et l'enregistrer sans mot de passe (Fichier › Informations › Protéger le classeur)",
  "validate.file.legacyXls":
    "c'est un classeur Excel 97-2003 (.xls) : l'ouvrir dans Excel et l'enregistrer au format .xlsx",
  "validate.file.otherOle": "c'est un ancien fichier Office (format OLE) qui n'est pas un classeur Excel",
  "validate.file.docx": "c'est un document Word, pas un classeur Excel",
  "validate.file.otherOffice": "c'est un fichier Office mais pas un classeur Excel",
  "validate.file.truncated": "le fichier est tronqué ou endommagé ({{detail}})",
  "validate.file.notBilan":
    "ce classeur n'a pas été généré par Bilan Schéma (pas de feuille « _bilan_meta » ni de « Sommaire »)",
  // Words inside validation findings: severities, what a cell expects
  // The Contrôles sheet's summary row
  "validate.controles.counts": "{{erreur}} erreur(s), {{avertissement}} avertissement(s), {{info}} info(s)",
  "validate.controles.byAxe": "{{counts}} — par axe : {{perAxe}}",
  "validate.controles.axe": "{{axe}} {{numero}} : {{n}}",
  "validate.severity.erreur": "erreur",
  "validate.severity.avertissement": "avertissement",
  "validate.severity.info": "info",
  "validate.what.count": "un nombre entier",
  "validate.what.rate": "un pourcentage",
  "validate.what.ratio": "un nombre",
  "validate.what.amount": "un montant",
  "validate.what.number": "un nombre",
  "validate.what.boolean": "Oui ou Non",
  "validate.what.date": "une date",
  "validate.what.text": "un texte",
  "validate.expected.maxChars": "≤ {{max}} caractères",
  "validate.expected.dateNotText": "une date (pas du texte)",
  "validate.expected.dateRange": "une date de {{debut}} à {{fin}}",
  "validate.expected.percent": "0 à 100",
  "validate.expected.atLeast": "≥ {{min}}",
  "validate.expected.atMost": "≤ {{max}}",
  "validate.expected.between": "{{min}} à {{max}}",
  "validate.expected.boundsBoth": "entre {{min}} et {{max}}",
  "validate.expected.input": "une saisie",
  "validate.expected.reason": "le motif",
  "validate.expected.plannedPeriod": "une période prévue",
  "validate.range.rateHint": " (saisi ×100 ? {{value}} % ?)",
  "validate.found.emptyCell": "une cellule vide",
  "validate.file.tooLarge": "le fichier dépasse {{max}} Mo",
  "validate.file.bomb": "le contenu décompressé serait de {{size}} Mo ({{part}}) : refusé, au-delà de {{max}} Mo",
  "validate.file.sizeMismatch":
    "la partie {{part}} ne fait pas la taille que le fichier annonce ({{size}} Mo) : fichier endommagé ou falsifié, refusé",
  "validate.file.tooManyCells":
    "le classeur compte plus de {{max}} cellules (limite atteinte dans {{part}}) : refusé, trop grand pour être contrôlé",
  "validate.file.notFound": "fichier introuvable",
  "validate.file.unparsable": "le classeur ne peut pas être lu ({{detail}})",
  "validate.file.outOfMemory":
    "la lecture du classeur demande plus de {{max}} Mo de mémoire : refusé, trop grand pour être contrôlé",
  "validate.file.failed": "la lecture du classeur a échoué ({{detail}})",
  "cli.validate.description":
    "contrôle des classeurs de bilan remplis (fichiers, dossiers ou motifs) ; ne modifie jamais les fichiers",
  "cli.validate.files": 'classeurs .xlsx, dossiers ou motifs ("retours/*.xlsx")',
  "cli.validate.schema": "modèle attendu (id intégré ou fichier) ; par défaut celui enregistré dans chaque classeur",
  "cli.validate.year": "campagne attendue",
  "cli.validate.format": "format du rapport",
  "cli.validate.output": "fichier du rapport (sinon : la sortie standard)",
  "cli.validate.factor": "écart toléré avant l'alerte de plausibilité (facteur, 3 par défaut)",
  "cli.validate.badFactor": "facteur « {{value}} » invalide (attendu : un nombre supérieur à 1, par ex. 3 ou 2,5)",
  "cli.validate.noFiles": "aucun classeur .xlsx trouvé dans : {{args}}",
  "cli.validate.summary":
    "{{file}} : {{errors}} erreur(s), {{warnings}} avertissement(s), {{infos}} info(s) — saisies attendues remplies : {{filled}}/{{required}} ({{percent}} %)",
  "cli.reuse.noMeta": "le classeur n'a pas de métadonnées lisibles",
  "cli.reuse.refused": "{{file}} : valeurs non reprises, le classeur n'est pas sûr : {{reason}}",
  "cli.reuse.done":
    "{{file}} : {{carried}} valeur(s) reprise(s), {{notCarried}} gardée(s) dans la feuille « {{sheet}} »",
  "cli.reuse.comments":
    "{{file}} : {{carried}} commentaire(s) ou note(s) repris comme notes sur leur cellule, {{notCarried}} gardé(s) dans la feuille « {{sheet}} »",
  "cli.carryOver.description":
    "prépare la campagne suivante à partir de ce classeur, en gardant toutes les valeurs saisies",
  "cli.carryOver.year": "année de la nouvelle campagne",
  "cli.carryOver.notLater": "la nouvelle campagne ({{year}}) doit suivre celle du classeur ({{current}})",
  "cli.carryOver.why": "saisie de la campagne {{year}} sans cellule dans la nouvelle",
  "cli.upgrade.description":
    "passe ce classeur à une nouvelle version du modèle, en gardant toutes les valeurs saisies",
  "cli.upgrade.schema": "nouvelle version du modèle (id intégré ou fichier)",
  "cli.upgrade.otherModel": "le classeur est du modèle « {{found}} », pas de « {{expected}} »",
  "cli.upgrade.why": "retiré entre les versions {{from}} et {{to}} du modèle",
  "transfer.comment.thread": "Commentaire (repris comme note) :",
  "transfer.comment.threadBy": "Commentaire de {{author}} (repris comme note) :",
  "transfer.comment.replyBy": "Réponse de {{author}} : {{text}}",
  "transfer.comment.why": "commentaire sur une cellule qui n'a pas de place dans ce classeur",
  "cli.exportTidy.description":
    "exporte les valeurs de classeurs de bilan au format long (une ligne par élément et période), en CSV ou JSON",
  "cli.exportTidy.skipped": "{{file}} : non exporté — {{reason}}",
  "cli.exportTidy.file": "{{file}} : {{rows}} ligne(s)",
  "consolidate.noMeta": "le classeur n'a pas de métadonnées lisibles",
  "consolidate.otherModel": "modèle ou campagne différents ({{found}} au lieu de {{expected}})",
  "consolidate.sameContent": "mêmes valeurs que {{other}} (le même classeur sous un autre nom) : compté une fois",
  "consolidate.sourcesPresent":
    "classeur consolidé dont toutes les sources sont déjà parmi les fichiers ({{files}}) : elles ne sont comptées qu'une fois",
  "consolidate.heldBy": "déjà compté dans le classeur consolidé {{other}}",
  "consolidate.sharedSources":
    "a des sources en commun avec {{other}} sans que l'un contienne l'autre : elles seraient comptées deux fois",
  "consolidate.otherVersion":
    "« {{who}} » figure déjà, avec d'autres valeurs, dans {{other}} : il serait compté deux fois",
  "consolidate.wholeOverCuts":
    "copie de l'ensemble du schéma, qui recouvre les classeurs découpés {{files}} : leurs valeurs seraient comptées deux fois",
  "consolidate.nothing": "aucun classeur ne peut être fusionné",
  "cli.consolidate.description":
    "fusionne les classeurs des partenaires / territoires d'un même modèle et d'une même campagne dans un classeur maître",
  "cli.consolidate.accepted": "{{file}} : retenu ({{who}})",
  "cli.consolidate.rejected": "{{file}} : écarté — {{reason}}",
  "cli.consolidate.setAside": "{{file}} : mis de côté — {{reason}}",
  "cli.consolidate.ownOutput": "{{file}} : non relu — c'est le classeur maître que cette commande écrit",
  "cli.consolidate.divergent": "{{label}} ({{key}}) : réponses divergentes — {{answers}}",
  "cli.consolidate.done":
    "{{file}} : {{count}} classeur(s) fusionné(s), {{values}} valeur(s), détail dans la feuille « {{sheet}} »",
  "cli.rollup.description":
    "calcule les synthèses d'un classeur de bilan rempli (avancement, saisies, atteinte des cibles) : une copie qui les porte, ou du JSON",
  "cli.rollup.file": "classeur de bilan rempli (.xlsx) ; il n'est jamais modifié",
  "cli.rollup.output": "copie à écrire, dont les formules portent les résultats calculés",
  "cli.rollup.json": "écrire les chiffres en JSON sur la sortie standard",
  "cli.rollup.needOutput": "indiquer une copie à écrire (-o COPIE.xlsx) ou --json",
  "cli.rollup.line":
    "{{name}} : avancement {{avancement}}, sous-actions en retard {{retard}}, non renseignées {{nonRenseignees}}, saisies {{completude}}, cibles atteintes {{cibles}}",
  "cli.rollup.budget":
    "Budget {{year}} — {{name}} : prévu {{prevu}}, voté {{vote}}, engagé {{engage}}, mandaté {{mandate}}, taux de consommation {{taux}}",
  "cli.rollup.total": "Ensemble du schéma",
  "cli.demo.description": "démonstration : génère le classeur de bilan du schéma intégré de l'Essonne dans out/",
  "cli.demo.heading": "{{title}} ({{departement}}, {{period}}) — modèle {{version}}",
  "cli.demo.axe":
    "  Axe {{numero}} — {{titre}} : {{fiches}} fiches, {{sousActions}} sous-actions, {{indicateurs}} indicateurs",
  "cli.demo.types": "  Indicateurs par type : {{types}}",
  "cli.unexpected": "erreur inattendue : {{message}}",
  // Task pane (src/taskpane): called by their short name through the pane's t(), which adds "pane."
  "pane.title": "Bilan Schéma",
  "pane.subtitle": "Bilan annuel d'un schéma départemental de l'enfance et de la famille",
  "pane.views": "Étapes du bilan",
  "pane.vue.schema": "Schéma",
  "pane.vue.generer": "Générer",
  "pane.vue.controler": "Contrôler",
  "pane.vue.calculer": "Calculer",
  "pane.vue.consolider": "Consolider",
  "pane.vue.exporter": "Exporter",
  "pane.viewUnknown": "La vue «\u00a0{{value}}\u00a0» n'existe pas.",
  "pane.failed": "L'opération n'a pas abouti\u00a0: {{message}}",
  // Schéma
  "pane.schemasHeading": "Schémas intégrés",
  "pane.period": "Période\u00a0: {{value}}",
  "pane.axes": "Axes",
  "pane.fiches": "Fiches action",
  "pane.sousActions": "Sous-actions",
  "pane.indicateurs": "Indicateurs",
  "pane.importJson": "Importer un modèle JSON",
  "pane.readTable": "Lire le référentiel de la feuille ou de la sélection",
  "pane.modelErrors": "Le modèle a {{count}} erreur(s)",
  "pane.current": "Schéma choisi\u00a0: {{title}}",
  "pane.tree": "Contenu du schéma",
  "pane.ficheLine": "Fiche {{numero}} — {{titre}} ({{sa}} sous-actions, {{ind}} indicateurs)",
  // Générer
  "pane.chooseFirst": "Choisissez d'abord un schéma (onglet Schéma).",
  "pane.year": "Année de campagne",
  "pane.granularity": "Colonnes du calendrier",
  "pane.g.annee": "Années",
  "pane.g.semestre": "Semestres",
  "pane.g.trimestre": "Trimestres",
  "pane.g.mois": "Mois",
  "pane.cut": "Contenu",
  "pane.cutAll": "Tout le schéma",
  "pane.cutPartner": "Un partenaire",
  "pane.cutTerritory": "Un territoire",
  "pane.cutWho": "Pour qui",
  "pane.password": "Mot de passe de protection (facultatif)",
  "pane.replace": "Remplacer les feuilles d'un bilan déjà généré (les autres feuilles ne sont jamais touchées)",
  "pane.generate": "Générer le classeur",
  "pane.cancel": "Annuler",
  "pane.progress": "Feuille {{done}} sur {{total}}\u00a0: {{sheet}}",
  "pane.generated": "Classeur généré\u00a0: {{sheets}} feuilles.",
  // Contrôler
  "pane.check": "Contrôler le classeur",
  "pane.checking": "Contrôle en cours…",
  "pane.counts": "{{erreur}} erreur(s), {{avertissement}} avertissement(s), {{info}} info(s)",
  "pane.noFinding": "Aucune anomalie\u00a0: le classeur est correctement rempli.",
  "pane.severity": "Gravité",
  "pane.sev.erreur": "Erreurs",
  "pane.sev.avertissement": "Avertissements",
  "pane.sev.info": "Infos",
  "pane.axe": "Axe",
  "pane.rule": "Règle",
  "pane.all": "Tous",
  "pane.cell": "Cellule",
  "pane.message": "Message",
  "pane.findingsTable": "Anomalies trouvées",
  "pane.goTo": "Aller à {{cell}}",
  "pane.highlight": "Surligner les cellules en anomalie",
  "pane.live": "Contrôler pendant la saisie",
  "pane.completion": "Saisies attendues remplies\u00a0: {{filled}}/{{required}}",
  // Calculer
  "pane.calculate": "Calculer les indicateurs de suivi",
  "pane.progressAxe": "Calendrier {{calendrier}} · saisies {{completude}} · cibles {{cibles}}",
  "pane.dashboardDone": "Tableau de bord du Sommaire mis à jour.",
  "pane.notComputed": "non calculable",
  "pane.chartIndicator": "Indicateur à tracer",
  "pane.chartDraw": "Tracer la courbe",
  "pane.chartDone": "Courbe de «\u00a0{{libelle}}\u00a0» tracée dans la feuille «\u00a0Graphique indicateur\u00a0».",
  // Consolider
  "pane.pickFiles": "Choisir les classeurs des partenaires (.xlsx)",
  "pane.accepted": "Retenu",
  "pane.rejected": "Écarté",
  "pane.setAside": "Mis de côté",
  "pane.divergences":
    "{{count}} réponse(s) divergente(s) : laissées vides (ou, pour un statut, le moins avancé) ; chaque valeur reste dans « Valeurs par source »",
  "pane.merge": "Fusionner les classeurs retenus dans ce classeur",
  "pane.merged": "{{count}} classeur(s) fusionné(s), {{values}} valeur(s) écrite(s).",
  "pane.mergedNothing":
    "{{count}} classeur(s) fusionné(s), mais aucune valeur écrite : ils n'ont rien pour les cellules de saisie de ce classeur.",
  "pane.mergedSkipped":
    "{{skipped}} valeur(s) sans cellule de saisie dans ce classeur (autre campagne) : elles restent dans la feuille « Valeurs par source ».",
  // Exporter
  "pane.format": "Format",
  "pane.semicolon": "Séparateur «\u00a0;\u00a0» (Excel en français)",
  "pane.bom": "Marque d'ordre des octets (Excel)",
  "pane.download": "Télécharger l'export",
  "pane.exported": "{{rows}} ligne(s) exportée(s).",
  "pane.writeSheet": "Écrire dans une feuille",
  "pane.writeSheetHint":
    "Un tableau Excel que Power Query lit directement\u00a0; le téléchargement ne marche pas partout (Excel sur Mac).",
  "pane.writtenSheet":
    "{{rows}} ligne(s) écrite(s) dans le tableau «\u00a0{{table}}\u00a0» de la feuille «\u00a0{{sheet}}\u00a0».",
  // Office manifest validator (src/manifest): called by their code, which the validator prefixes with "manifest."
  "manifest.xml.malformed": "XML mal formé (ligne {{line}}, colonne {{column}}) : {{detail}}",
  "manifest.root.element": "l'élément racine doit être <OfficeApp> (trouvé : <{{name}}>)",
  "manifest.root.namespace": "espace de noms de <OfficeApp> inattendu : « {{value}} » (attendu : {{expected}})",
  "manifest.root.type":
    "xsi:type de <OfficeApp> vaut « {{value}} » : un complément de volet Excel attend « TaskPaneApp »",
  "manifest.namespace.undeclared": "le préfixe « {{prefix}} » est employé sans déclaration xmlns:{{prefix}}",
  "manifest.element.missing": "élément obligatoire <{{name}}> absent",
  "manifest.element.order":
    "<{{name}}> est mal placé : il doit venir avant <{{before}}> (ordre imposé par le schéma du manifeste)",
  "manifest.element.duplicate": "<{{name}}> apparaît plusieurs fois (une seule occurrence permise)",
  "manifest.element.unknown": "élément <{{name}}> inconnu à cet endroit : il sera rejeté ou ignoré",
  "manifest.value.missing": "<{{name}}> n'a pas de valeur (attribut {{attribute}} vide ou absent)",
  "manifest.id.guid":
    "l'identifiant « {{value}} » n'est pas un GUID (forme attendue : 8-4-4-4-12 chiffres hexadécimaux)",
  "manifest.version.format": "version « {{value}} » invalide (attendu : n.n.n.n, par ex. 1.0.0.0)",
  "manifest.locale.invalid": "langue par défaut « {{value}} » invalide (attendu : une balise de langue, par ex. fr-FR)",
  "manifest.permissions.invalid": "autorisation « {{value}} » invalide (attendu : {{expected}})",
  "manifest.hosts.noWorkbook": "aucun hôte « Workbook » déclaré : le complément ne sera pas proposé dans Excel",
  "manifest.requirements.version": "version minimale « {{value}} » invalide pour l'ensemble {{name}} (attendu : n.n)",
  "manifest.url.invalid": "adresse « {{value}} » invalide",
  "manifest.url.notHttps": "l'adresse « {{value}} » doit être en https",
  "manifest.addinUrl.invalid":
    "ADDIN_URL « {{value}} » n'est pas une adresse web complète (exemple : https://intranet.departement.fr/bilan/)",
  "manifest.addinUrl.notHttps":
    "ADDIN_URL « {{value}} » doit commencer par https:// : Office refuse de charger un complément servi en {{scheme}}",
  "manifest.addinUrl.extra":
    "ADDIN_URL « {{value}} » contient « {{what}} » : donnez seulement l'adresse du dossier où est publié dist/web (par exemple {{folder}})",
  "manifest.addinUrl.file":
    "ADDIN_URL « {{value}} » désigne un fichier ({{file}}) : donnez le dossier qui contient taskpane.html, ici {{folder}}",
  "manifest.addinUrl.emptySegment":
    "ADDIN_URL « {{value}} » a un chemin avec « // » : corrigez-le (par exemple {{folder}})",
  "manifest.addinUrl.localhostLeft":
    "le manifeste publié mentionne encore localhost (ligne {{line}}) : cette adresse ne vient pas de https://localhost:3000/, que la publication remplace",
  "manifest.versionOverrides.type":
    "<VersionOverrides> doit avoir xmlns « {{expectedNs}} » et xsi:type « {{expectedType}} » (trouvé : « {{ns}} », « {{type}} »)",
  "manifest.resid.missing": "<{{name}}> n'a pas d'attribut resid",
  "manifest.resid.dangling": "resid « {{resid}} » ne correspond à aucune ressource ({{kind}})",
  "manifest.resid.wrongKind":
    "resid « {{resid}} » désigne une ressource {{found}} alors qu'une ressource {{kind}} est attendue",
  "manifest.resource.duplicateId": "l'identifiant de ressource « {{id}} » est déjà employé",
  "manifest.resource.idTooLong": "l'identifiant de ressource « {{id}} » dépasse 32 caractères ({{length}})",
  "manifest.resource.unused": "la ressource « {{id}} » n'est employée nulle part",
  "manifest.string.tooLong": "texte de {{length}} caractères : {{max}} au plus pour {{kind}}",
  "manifest.override.missing":
    'pas de traduction {{locale}} (<Override Locale="{{locale}}">) : le texte français s\'affichera',
  "manifest.icon.missingFile": "l'image « {{url}} » n'a pas de fichier correspondant : {{file}} introuvable",
  "manifest.icon.notPng": "le fichier {{file}} n'est pas une image PNG ({{detail}})",
  "manifest.icon.wrongSize": "l'image {{file}} mesure {{width}}×{{height}} px au lieu de {{size}}×{{size}}",
  "manifest.icon.missingSize": "<Icon> sans image de taille {{size}} (tailles requises : 16, 32 et 80)",
  "manifest.icon.recommendedSize": "<{{name}}> : taille {{size}}×{{size}} px, {{expected}} px recommandé",
  "manifest.control.duplicateId": "l'identifiant de contrôle « {{id}} » est déjà employé",
  "manifest.action.type": "type d'action « {{value}} » inconnu (attendu : ShowTaskpane ou ExecuteFunction)",
  "manifest.function.unknown": "la fonction « {{name}} » n'est pas associée dans les commandes (connues : {{known}})",
  "manifest.function.unused": "la fonction « {{name}} » est associée dans les commandes mais aucun bouton ne l'appelle",
  "manifest.functionFile.missing":
    "des boutons appellent une fonction (ExecuteFunction) mais <FunctionFile> est absent",
  "manifest.runtime.otherPage":
    "<{{name}}> désigne « {{resid}} » alors que le runtime partagé est « {{runtime}} » : cette page serait chargée dans un autre runtime",
  "manifest.runtime.requirement":
    'un runtime partagé est déclaré (<Runtimes>) sans l\'ensemble de conditions {{name}} (<Set Name="{{name}}" MinVersion="1.1"/> dans <Requirements>)',
  "manifest.runtime.lifetime":
    'lifetime « {{value}} » : un runtime partagé Excel demande lifetime="long", sinon il peut s\'arrêter à la fin de chaque commande',
} as const;
