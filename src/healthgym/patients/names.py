"""Name pools for synthetic patients (common given names and surnames, invented pairs)."""

FEMALE = ("Maria", "Linda", "Aisha", "Mei", "Sofia", "Grace", "Fatima", "Emma", "Olivia",
          "Priya", "Hannah", "Rosa", "Ana", "Chloe", "Naomi", "Ingrid", "Leila", "Yuki")
MALE = ("James", "Omar", "Wei", "Carlos", "David", "Samuel", "Ahmed", "Lucas", "Ivan",
        "Raj", "Thomas", "Kofi", "Daniel", "Mateo", "Jonas", "Hiro", "Peter", "Ali")
SURNAMES = ("Smith", "Garcia", "Nguyen", "Okafor", "Khan", "Muller", "Rossi", "Kim", "Silva",
            "Cohen", "Patel", "Johansson", "Dubois", "Tanaka", "Novak", "Haddad", "Brown",
            "Mensah", "Lopez", "Fischer")
