"""French sentences a worker in a bilan de compétences might write, combined reproducibly.

The benchmark journals need text that looks like the real thing (accents,
apostrophes, quotes, varied lengths) so that parsing, escaping and rendering
cost what they cost for a real worker. Everything is drawn from a seeded
``random.Random``: the same size gives the same journal.
"""

from __future__ import annotations

import random

SENTENCES = (
    "Ce matin, j'ai repensé à ce que la conseillère m'a dit sur mes valeurs.",
    "Je me rends compte que l'autonomie compte davantage pour moi que le salaire.",
    "La réunion d'équipe a encore duré deux heures, et personne n'a écouté les éducateurs.",
    "J'ai appelé Sophie : elle coordonne une maison de jeunes depuis six ans.",
    "Je ne sais pas encore si je veux quitter le secteur social ou seulement changer de rôle.",
    "Le trajet en voiture me prend une heure et quart par jour, c'est trop.",
    "J'aimerais retrouver du temps pour mes enfants le mercredi après-midi.",
    "En relisant mes réussites, je vois que j'organise toujours les projets collectifs.",
    "Mon employeur ne sait pas que je fais un bilan ; je préfère que cela reste ainsi.",
    "La formation de coordinateur dure dix-huit mois, en horaire décalé.",
    "J'ai peur de perdre la sécurité de mon contrat à durée indéterminée.",
    "Hier soir, j'ai lu la fiche métier « chargé de projets » du ROME.",
    "Ce que j'aime vraiment : transmettre, voir quelqu'un reprendre confiance.",
    "Je suis fatiguée, mais j'ai envie d'avancer sur mon plan d'action.",
    "Ma sœur m'a dit que je savais « mettre les gens autour d'une table » : ça m'a touchée.",
    "Le questionnaire d'intérêts donne un profil social et entreprenant, ce qui me surprend un peu.",
    "À faire : demander un rendez-vous au service de formation continue.",
    "Je note ici une idée : animer des ateliers pour les nouveaux collègues.",
    "Le rendez-vous de jeudi est déplacé à 14 h 30, au deuxième étage.",
    "J'ai rempli le tableau des compétences ; les savoir-être sont plus faciles à nommer.",
    "Je crois que je confonds souvent ce que j'aime faire et ce qu'on attend de moi.",
    "Les contraintes d'horaires pèsent plus que je ne le pensais.",
    "J'ai rencontré un ancien collègue devenu formateur : il gagne moins, mais il est heureux.",
    "Piste à creuser : la médiation familiale, peut-être en complément de mon poste.",
    "Je me suis sentie légère après l'entretien d'enquête métier.",
    "Il faudra vérifier si mon compte personnel de formation couvre ce cursus.",
    "Ce week-end, pas de bilan : jardin, vélo et repos.",
    "Je relis mes notes du mois dernier et je vois le chemin parcouru.",
    "Les retours de mon entourage disent « patiente », « organisée », « trop exigeante avec elle-même ».",
    "Question pour la conseillère : comment présenter une reconversion à mon employeur ?",
    "J'ai listé trois pistes ; la deuxième me donne plus d'énergie que les autres.",
    "Le salaire minimum acceptable pour moi : 2 100 € nets par mois.",
    "Une collègue part à la retraite en juin ; son poste de coordination pourrait s'ouvrir.",
    "Je veux garder le contact avec le public au moins un jour par semaine.",
    "Je ne me sens pas légitime pour encadrer, et pourtant je le fais déjà sans le titre.",
    "Le télétravail deux jours par semaine changerait beaucoup de choses.",
)

PHRASES = (
    "Animer une réunion de lancement",
    "Rencontrer une coordinatrice d'ASBL",
    "Regarder les formations en horaire décalé",
    "Écouter sans juger",
    "Organiser un projet sur plusieurs mois",
    "Rédiger un dossier de subsides",
    "Accompagner un jeune vers l'autonomie",
    "Gérer un conflit dans une équipe",
    "Demander un entretien à la direction",
    "Préparer une présentation pour la conseillère",
    "Tenir un budget d'activités",
    "Former les stagiaires",
)

ROME_PICKS = (
    {"code": "K1206", "label": "Intervenant / Intervenante d'action sociale"},
    {"code": "K2111", "label": "Formateur / Formatrice"},
    {"code": "K1801", "label": "Conseiller / Conseillère en emploi et insertion socioprofessionnelle"},
    {"code": "M1503", "label": "Responsable des ressources humaines"},
    {"code": None, "label": "Coordinatrice de projets dans une ASBL"},
)


def sentences(rng: random.Random, low: int, high: int) -> str:
    return " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(low, high)))


def phrase(rng: random.Random) -> str:
    return rng.choice(PHRASES)


def phrases(rng: random.Random, low: int, high: int) -> list[str]:
    return rng.sample(PHRASES, rng.randint(low, high))


def note_text(rng: random.Random) -> str:
    """A free note: mostly a few sentences, sometimes two paragraphs."""
    text = sentences(rng, 1, 5)
    if rng.random() < 0.2:
        text += "\n\n" + sentences(rng, 1, 3)
    return text


def rome_pick(rng: random.Random) -> dict:
    return dict(rng.choice(ROME_PICKS))
