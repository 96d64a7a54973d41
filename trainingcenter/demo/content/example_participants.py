"""Invented participants of the example program, so organisers see a registration list.

None of these people exist. Names are common ones in the countries the
centre's programs draw from, and the organisations are generic, so that no
real body is named as anyone's employer; every address is at example.org, a domain
reserved for examples, so no e-mail can reach anyone.
"""
import unicodedata

# (given name, family name, country, organisation, position, sector, mode, language)
PARTICIPANTS = [
    ("Aigerim", "Nurlanovna", "KZ", "Institute of Power Engineering", "Research fellow", "academia", "onsite", "ru"),
    ("Bekzod", "Tursunov", "UZ", "Ministry of Energy", "Chief specialist", "government", "onsite", "ru"),
    ("Ayesha", "Siddiqui", "PK", "Energy Efficiency Agency", "Deputy director", "government", "online", "en"),
    ("Reza", "Karimi", "IR", "University of Technology", "Assistant professor", "academia", "online", "en"),
    ("Elif", "Yılmaz", "TR", "Grid Storage Solutions", "Project engineer", "industry", "onsite", "en"),
    ("Rashad", "Mammadov", "AZ", "National grid company", "Planning engineer", "industry", "online", "ru"),
    ("Nurlan", "Abdyldaev", "KG", "State Technical University", "Lecturer", "academia", "online", "ru"),
    ("Firuza", "Rahimova", "TJ", "Regional power utility", "Analyst", "industry", "onsite", "ru"),
    ("Merdan", "Orazov", "TM", "Institute of Energy", "PhD student", "student", "online", "ru"),
    ("Zahra", "Ahmadi", "AF", "Polytechnic University", "Lecturer", "academia", "online", "en"),
    ("Usman", "Tariq", "PK", "Institute of Information Technology", "Graduate student", "student", "online", "en"),
    ("Saule", "Bekova", "KZ", "Energy holding company", "Engineer", "industry", "online", "ru"),
    ("Mehmet", "Kaya", "TR", "Climate Policy Forum", "Programme officer", "ngo", "online", "en"),
    ("Dilnoza", "Yusupova", "UZ", "State Technical University", "Associate professor", "academia", "onsite", "ru"),
    ("Kamran", "Aliyev", "AZ", "School of Public Affairs", "Researcher", "academia", "online", "en"),
    ("Amina", "Hassan", "EG", "Regional Centre for Renewable Energy", "Energy expert", "international", "online", "en"),
]
# Their registrations are then cancelled, so the history and counts show a cancellation.
CANCELLED = {"kamran.aliyev@example.org"}


def email_of(given_name, family_name):
    """An ASCII address from the name: "Elif Yılmaz" gives elif.yilmaz@example.org."""
    name = f"{given_name}.{family_name}".lower().replace("ı", "i")
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode() + "@example.org"
