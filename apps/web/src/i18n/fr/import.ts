import type { importMessages as english } from '../en/import';
import type { MessagesOf } from '../messages';

/** French messages of the import page (keys and placeholders as in `en/import.ts`). */
export const importMessages: MessagesOf<typeof english> = {
  // The import page.
  'nav.import': 'Import',
  'import.lead':
    'Chargez des contributions, des relevés d’impact, des cibles ou des partenaires depuis un fichier CSV (UTF-8, une ligne d’en-tête, des virgules). Vérifiez d’abord le fichier : chaque ligne est contrôlée, et rien n’est écrit avant que vous l’importiez. Importer deux fois le même fichier ne change rien.',
  'import.forbidden':
    'Votre rôle ({role}) ne permet pas d’importer des données : les administrateurs et les équipes régionales le font. Demandez à l’un d’eux d’importer votre fichier.',
  'import.step.kind': 'Contenu du fichier',
  'import.step.file': 'Le fichier',
  'import.step.run': 'Vérifier et importer',
  'import.kindLegend': 'Type de fichier',
  'import.kind.contributions': 'Contributions',
  'import.kind.impact': 'Relevés d’impact',
  'import.kind.targets': 'Cibles',
  'import.kind.partners': 'Partenaires',
  'import.kindLead.contributions':
    'Dons et versements. Un partenaire nommé par une ligne et encore inconnu de Panorama est créé.',
  'import.kindLead.impact':
    'Relevés des indicateurs d’impact et des leviers : personnes atteintes, repas fournis, personnes formées…',
  'import.kindLead.targets':
    'Cibles d’un indicateur pour le monde, une région ou un pays, pour une année ou l’un de ses trimestres.',
  'import.kindLead.partners': 'Entreprises, fondations, particuliers, canaux de dons et associations.',
  'import.regionalNote':
    'En tant qu’équipe régionale de {code}, vous n’importez que des lignes de {code} (ses bureaux de pays compris) : une ligne d’une autre région est refusée.',
  'import.columns.caption': 'Colonnes d’un fichier de {kind}',
  'import.columns.note':
    'Dans n’importe quel ordre, nommées comme ici ; une colonne absente de cette liste est refusée.',
  'import.columns.name': 'Colonne',
  'import.columns.presence': 'Exigée',
  'import.columns.required': 'Obligatoire',
  'import.columns.optional': 'Facultative',
  'import.columns.holds': 'Contenu',
  'import.columns.oneOf': 'Au choix',
  'import.columns.template': 'Télécharger un fichier vide avec ces colonnes',
  'import.hint.externalRef':
    'Votre référence unique de la ligne : une référence que Panorama connaît déjà met à jour cette ligne.',
  'import.hint.date': 'Un jour, écrit AAAA-MM-JJ.',
  'import.hint.amountUsd': 'En dollars US, avec un point et au plus 2 décimales : 1234.50.',
  'import.hint.partnerRef': 'La référence du partenaire ; une nouvelle référence crée le partenaire.',
  'import.hint.partnerName': 'La même sur chaque ligne d’un partenaire.',
  'import.hint.regionCode': 'Le bureau régional, ou HQ.',
  'import.hint.countryIso3':
    'Le code ISO3 d’un bureau de pays de cette région à cette date (KEN) ; vide pour le bureau régional dans son ensemble.',
  'import.hint.objectiveCode': 'Le code de l’un des objectifs de la stratégie.',
  'import.hint.partnershipRef': 'La référence d’un partenariat que Panorama connaît déjà.',
  'import.hint.recordedMetric':
    'Le code d’un indicateur d’impact ou d’un levier du catalogue : BENEFICIARIES_REACHED, MEALS_PROVIDED…',
  'import.hint.metricCode': 'Le code d’un indicateur du catalogue : REVENUE_USD, BENEFICIARIES_REACHED…',
  'import.hint.value': 'Un nombre dans l’unité de l’indicateur, avec un point pour les décimales.',
  'import.hint.targetScope': 'GLOBAL, un code de région (RBN) ou un code ISO3 de pays (KEN).',
  'import.hint.year': 'Une année de la stratégie, de 2019 à 2030.',
  'import.hint.quarter': 'Vide pour l’année entière.',
  'import.hint.partnerExternalRef': 'La référence unique du partenaire : le partner_ref de ses contributions.',
  'import.hint.managingRegion': 'Le bureau régional qui gère la relation, ou HQ.',
  'import.drop.label': 'Déposez un fichier CSV ici',
  'import.drop.active': 'Déposez le fichier pour l’utiliser',
  'import.drop.or': 'ou',
  'import.drop.choose': 'Choisir un fichier',
  'import.drop.hint':
    'Seules les premières lignes sont lues ici, pour l’aperçu. Le fichier entier est envoyé quand vous le vérifiez ou l’importez.',
  'import.file.chosen': '{name}, {size}',
  'import.file.notCsv':
    '« {name} » ne semble pas être un fichier CSV : enregistrez-le depuis le tableur au format « CSV UTF-8 ».',
  'import.file.readFailed': 'Le fichier n’a pas pu être lu : {message}',
  'import.preview.reading': 'Lecture des premières lignes…',
  'import.preview.caption': 'Premières lignes de {name}',
  'import.preview.line': 'Ligne',
  'import.preview.shown': {
    one: 'La première ligne, telle que le fichier la donne.',
    other: 'Les {count} premières lignes, telles que le fichier les donne.',
  },
  'import.preview.more': 'Les lignes suivantes sont vérifiées avec le reste.',
  'import.preview.empty': 'Le fichier ne contient aucune ligne sous son en-tête.',
  'import.preview.noHeader': 'Le fichier est vide : il n’a même pas de ligne d’en-tête.',
  'import.header.mismatch': 'Cet en-tête ne correspond pas à un fichier de {kind}. La vérification le refusera :',
  'import.header.missing': 'manquantes : {columns}',
  'import.header.unknown': 'inattendues : {columns}',
  'import.skipInvalid': 'Ignorer les lignes invalides',
  'import.skipInvalidHint':
    'Écrire les lignes valides et rendre les autres dans un fichier à corriger puis à réimporter. Sans cette case, un seul problème et rien n’est écrit.',
  'import.check': 'Vérifier le fichier',
  'import.checking': 'Vérification…',
  'import.import': 'Importer',
  'import.importing': 'Import en cours…',
  'import.chooseFirst': 'Choisissez d’abord un fichier.',
  'import.running.check': 'Vérification de « {name} » : chaque ligne est contrôlée, puis rien n’est écrit…',
  'import.running.import': 'Import de « {name} »…',
  'import.confirm.title': 'Importer « {name} » ?',
  'import.confirm.body':
    'Ses lignes sont écrites dans Panorama comme {kind} : les nouvelles références sont ajoutées, celles que Panorama connaît sont mises à jour.',
  'import.confirm.skip': 'Les lignes qui posent problème sont ignorées ; vous pourrez les télécharger ensuite.',
  'import.confirm.allOrNothing': 'Si une seule ligne pose problème, rien n’est écrit.',
  'import.confirm.checked':
    'La vérification a trouvé : {inserted} nouvelles, {updated} mises à jour, {unchanged} inchangées, {rejected} rejetées.',
  'import.confirm.unchecked': 'Le fichier n’a pas été vérifié.',
  'import.confirm.confirm': 'Importer maintenant',
  'import.confirm.cancel': 'Annuler',
  'import.outcome.checked': 'Vérification de « {name} »',
  'import.outcome.checkedLead': 'Rien n’a été écrit. Importer le fichier ferait ceci :',
  'import.outcome.done': '« {name} » importé',
  'import.outcome.doneLead': 'Écrit dans Panorama et consigné dans le journal d’audit :',
  'import.outcome.refusedCheck': '« {name} » ne peut pas être importé tel quel',
  'import.outcome.refused': '« {name} » a été refusé : rien n’a été écrit',
  'import.outcome.refusedLead':
    'Corrigez les problèmes ci-dessous et vérifiez à nouveau le fichier, ou cochez « Ignorer les lignes invalides » pour n’importer que ses lignes valides.',
  'import.counts.inserted': 'Nouvelles',
  'import.counts.updated': 'Mises à jour',
  'import.counts.unchanged': 'Inchangées',
  'import.counts.rejected': 'Rejetées',
  'import.counts.partnersCreated': 'Partenaires créés',
  'import.problems.caption': { one: '{count} problème', other: '{count} problèmes' },
  'import.problems.more': 'Les {shown} premiers sont listés, et {more} autres ont été trouvés.',
  'import.problems.line': 'Ligne',
  'import.problems.column': 'Colonne',
  'import.problems.value': 'Valeur',
  'import.problems.reason': 'Problème',
  'import.rejected.download': 'Télécharger les lignes rejetées',
  'import.rejected.hint':
    'Les lignes rejetées telles que le fichier les donnait, avec une colonne « problem » : corrigez-les, puis importez ce fichier.',
  'import.error.check': 'Le fichier n’a pas pu être vérifié.',
  'import.error.import': 'Le fichier n’a pas pu être importé.',
  'import.error.network':
    'Le serveur n’a pas répondu. Vérifiez la connexion et réessayez : importer deux fois un fichier ne change rien.',
  'import.error.unauthenticated': 'Votre session a pris fin : reconnectez-vous, puis renvoyez le fichier.',
  'import.error.forbidden': 'Votre rôle ne permet pas d’importer ce fichier.',
  'import.error.notFound': 'Le serveur n’importe pas encore de {kind}.',
  'import.error.tooLarge': 'Le fichier est trop volumineux pour le serveur : découpez-le en fichiers plus petits.',
  'import.error.server':
    'Le serveur a échoué ({status}). Réessayez plus tard : importer deux fois un fichier ne change rien.',
  'import.error.status': 'Le serveur a refusé la requête ({status}).',
};
