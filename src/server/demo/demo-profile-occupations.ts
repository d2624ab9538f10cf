// Generated from data/reference/esco (ESCO v1.1.1): for each demo company sector (ATECO), three real
// ESCO occupations and some of their essential (then optional) skills, with the English preferred labels.
// The job titles are Italian, written for the demo. A few skills ESCO relates to an occupation that no
// Modena employer would ask of it (Haskell and Erlang for a CNC operator, an investment portfolio for a
// tile decorator, hand-operated printing devices for a metal fitter) were replaced by other skills ESCO
// lists for the same occupation.

export interface DemoOccupation {
  uri: string;
  jobTitle: string;
  skills: ReadonlyArray<readonly [uri: string, label: string]>;
}

export const DEMO_OCCUPATIONS_BY_ATECO: Record<string, readonly DemoOccupation[]> = {
  '23.31': [
    {
      uri: 'http://data.europa.eu/esco/occupation/2ecbed9c-0143-4cc9-b047-d1746aeec206',
      jobTitle: 'Fornaciaio addetto al forno a tunnel',
      skills: [
        ['http://data.europa.eu/esco/skill/06c02117-18f2-4a39-bb0b-451f27435660', 'transfer kiln-baked products'],
        ['http://data.europa.eu/esco/skill/081b865d-5e34-49ef-b8df-a54cec04d5c7', 'tend tunnel kiln'],
        ['http://data.europa.eu/esco/skill/0f0698e7-04e4-4bf7-9af2-e3191147525a', 'optimise production processes parameters'],
        [
          'http://data.europa.eu/esco/skill/226e5d40-e28c-46c2-b338-9d1c05e46198',
          "observe products' behaviour under processing conditions",
        ],
        ['http://data.europa.eu/esco/skill/3d69b305-4051-4c1d-ba1e-d8c5b35e22db', 'monitor environmental parameters'],
        ['http://data.europa.eu/esco/skill/c206ae79-f7d9-478e-924e-48910727589c', 'preheat kiln car'],
        ['http://data.europa.eu/esco/skill/0bdc583d-ea16-4183-84e9-2b32f4cf7efa', 'tend drawing kiln'],
        ['http://data.europa.eu/esco/skill/236c446a-f4ff-4893-850a-0d93250c551f', 'adjust measuring machines'],
      ],
    },
    {
      uri: 'http://data.europa.eu/esco/occupation/02e94cd6-8e6d-4e9b-b695-edb460c70528',
      jobTitle: 'Decoratore di piastrelle',
      skills: [
        ['http://data.europa.eu/esco/skill/24301020-af48-4532-a1a6-e58567789436', 'create artwork'],
        ['http://data.europa.eu/esco/skill/418c13d1-2b4e-4bdd-82f4-4eaa5efb630c', 'develop visual elements'],
        ['http://data.europa.eu/esco/skill/a6624cfc-a134-4d47-b425-b40f4747016a', 'use painting techniques'],
        ['http://data.europa.eu/esco/skill/4fbe3e87-6f12-4764-b6ea-dce1adf4547f', 'use artistic materials for drawing'],
        ['http://data.europa.eu/esco/skill/50373f03-3e81-4d2e-99c6-d0f2ff42b138', 'create sketches'],
        ['http://data.europa.eu/esco/skill/56d51dce-23bc-4135-a0a3-07d77cc1c0fd', 'select artistic materials to create artworks'],
        ['http://data.europa.eu/esco/skill/5d09da0d-ac68-40a1-9c21-cd6d9413358d', 'articulate artistic proposal'],
        ['http://data.europa.eu/esco/skill/43117c55-4b23-4f9b-9a37-6d36e2c28d2b', 'ceramic ware'],
        ['http://data.europa.eu/esco/skill/92f8ebaa-da5f-4159-9b33-ac8dc4b9c84e', 'ceramics glazes'],
      ],
    },
    {
      uri: 'http://data.europa.eu/esco/occupation/eeac6251-1974-42f5-91ed-513c6c883755',
      jobTitle: 'Carrellista di magazzino',
      skills: [
        ['http://data.europa.eu/esco/skill/0256f6b0-f4a9-4c5e-9cfd-96d58a2a70fe', 'operate radio equipment'],
        [
          'http://data.europa.eu/esco/skill/02e235f4-a30a-412a-a06e-1c471ad28678',
          'follow procedures to control substances hazardous to health',
        ],
        ['http://data.europa.eu/esco/skill/078861f5-b901-48a5-951e-a3ad0a4fa0bd', 'operate warehouse materials'],
        ['http://data.europa.eu/esco/skill/089ee650-297e-4716-87d1-440743b70a0d', 'ensure compliance with environmental legislation'],
        ['http://data.europa.eu/esco/skill/0a43729f-2a79-4dae-9faa-95520daae79f', 'apply company policies'],
        ['http://data.europa.eu/esco/skill/28cb374e-6261-4133-8371-f9a5470145da', 'operate forklift'],
        [
          'http://data.europa.eu/esco/skill/2e69f3a4-e0be-4990-aff7-facc1b6c6860',
          'match goods with appropriate packaging according to security procedures',
        ],
        ['http://data.europa.eu/esco/skill/0ea0b260-617b-4d04-bf00-988dd0b122e5', 'execute vehicle maintenance'],
        ['http://data.europa.eu/esco/skill/25e16679-a7d0-464d-916c-63210001bbab', 'act reliably'],
      ],
    },
  ],
  '25.11': [
    {
      uri: 'http://data.europa.eu/esco/occupation/7aedaa07-3884-4c5b-88f9-80997b2aa54b',
      jobTitle: 'Saldatore di carpenteria',
      skills: [
        ['http://data.europa.eu/esco/skill/050dc15e-a41f-4958-bb2c-3fa46c2182be', 'weld in hyperbaric conditions'],
        ['http://data.europa.eu/esco/skill/14b4a40e-da80-452a-86d6-88a959052219', 'operate oxy-fuel welding torch'],
        ['http://data.europa.eu/esco/skill/2035c565-f0df-4efa-99fc-09a42f18c158', 'handle fuels'],
        ['http://data.europa.eu/esco/skill/27d26fd6-5795-4f0a-884e-112df7c68314', 'apply arc welding techniques'],
        ['http://data.europa.eu/esco/skill/285cac9e-dad3-4b7b-848f-9bd2860ae345', 'monitor gauge'],
        ['http://data.europa.eu/esco/skill/29d762da-1711-4a3c-b424-f0a404f4bf2d', 'join metals'],
        ['http://data.europa.eu/esco/skill/2fcd95a4-1f9a-41cf-95a9-4701bde476b4', 'operate welding equipment'],
        ['http://data.europa.eu/esco/skill/0b472dad-1a3f-456e-99ba-de5ffe8665c2', 'non-ferrous metal processing'],
        ['http://data.europa.eu/esco/skill/1585fc98-bfe4-461f-97fc-734055a2c3ce', 'characteristics of products'],
      ],
    },
    {
      uri: 'http://data.europa.eu/esco/occupation/5c082067-ea18-4ccb-8c43-e70b18ad8120',
      jobTitle: 'Operatore su macchine CNC',
      skills: [
        ['http://data.europa.eu/esco/skill/1f5148bb-1eb0-473d-a312-50e4ed24159f', 'supply machine with appropriate tools'],
        ['http://data.europa.eu/esco/skill/31f01be9-7bbf-4afb-a647-bcd4931cfc8b', 'remove inadequate workpieces'],
        ['http://data.europa.eu/esco/skill/334e3e49-fb02-4051-809a-f06adfdc1c40', 'troubleshoot'],
        ['http://data.europa.eu/esco/skill/357e1729-e2a8-49f4-8b42-dc8b278320fa', 'remove processed workpiece'],
        ['http://data.europa.eu/esco/skill/42c25baf-ccb3-47d9-a872-bb2ceb615538', 'operate precision measuring equipment'],
        ['http://data.europa.eu/esco/skill/465ff64a-1271-4064-8ed1-e969cb68d8b4', 'perform test run'],
        ['http://data.europa.eu/esco/skill/68b6ef08-d823-489d-a95c-752ae6f6e6a7', 'read standard blueprints'],
        ['http://data.europa.eu/esco/skill/7a757fa5-9a6f-43ab-9e66-f8f4dba1ffcb', 'use CAM software'],
        ['http://data.europa.eu/esco/skill/7aa52bdc-9c56-4341-be65-e8e30f64403f', 'monitor automated machines'],
      ],
    },
    {
      uri: 'http://data.europa.eu/esco/occupation/af2f3615-63ab-44dc-957d-c9660410d336',
      jobTitle: 'Montatore di strutture metalliche',
      skills: [
        ['http://data.europa.eu/esco/skill/0c0a8629-97b7-412f-ad91-be97d80205af', 'perform pre-assembly quality checks'],
        ['http://data.europa.eu/esco/skill/1a3660c2-011c-4e96-9b1d-529afc305428', 'inspect quality of products'],
        ['http://data.europa.eu/esco/skill/26071360-b2b1-4089-9c73-b51792b29ed5', 'assemble metal parts'],
        ['http://data.europa.eu/esco/skill/29d762da-1711-4a3c-b424-f0a404f4bf2d', 'join metals'],
        ['http://data.europa.eu/esco/skill/334e3e49-fb02-4051-809a-f06adfdc1c40', 'troubleshoot'],
        ['http://data.europa.eu/esco/skill/337e06b0-29e3-47bf-95a3-19bd84b311de', 'manipulate metal'],
        ['http://data.europa.eu/esco/skill/37800bb3-4fbc-4786-9e3d-9266bb61f20e', 'use metalworking tools'],
        ['http://data.europa.eu/esco/skill/6055f185-3214-491e-975a-cfcc1756fe1d', 'metal forming technologies'],
        ['http://data.europa.eu/esco/skill/cafc2723-c308-4058-9921-61306b5de924', 'fasten components'],
      ],
    },
  ],
  '13.96': [
    {
      uri: 'http://data.europa.eu/esco/occupation/6da80214-d360-49ec-b1e7-172ab0a0cb0c',
      jobTitle: 'Magliaia su macchine rettilinee',
      skills: [
        ['http://data.europa.eu/esco/skill/31dadcd2-7816-4330-a422-0fc5fb824229', 'control textile process'],
        ['http://data.europa.eu/esco/skill/5033c2fb-ec55-4b8e-b0a4-9379593f1e1c', 'maintain equipment'],
        ['http://data.europa.eu/esco/skill/50833e34-8e85-4cf7-9b7b-c2a9f1893d5b', 'manufacture knitted textiles'],
        ['http://data.europa.eu/esco/skill/50ab7296-bc34-4cb1-9fdb-7cf7b6f80f9c', 'maintain work standards'],
        ['http://data.europa.eu/esco/skill/69f23426-9279-4fe6-a283-24c2aa4c855d', 'ensure equipment availability'],
        ['http://data.europa.eu/esco/skill/8b854fad-fed3-44e1-8104-eb60630c31e5', 'tend knitting machine'],
        ['http://data.europa.eu/esco/skill/91c6415a-6d77-4d45-a615-44475123b330', 'set-up weft knitting machines'],
        ['http://data.europa.eu/esco/skill/901360e7-81ff-408c-8f0a-cc18c2cef1dd', 'manufacturing of fur products'],
        ['http://data.europa.eu/esco/skill/db1484fb-3b59-439d-ae82-0905af2790aa', 'properties of fabrics'],
      ],
    },
    {
      uri: 'http://data.europa.eu/esco/occupation/7d4266b3-2108-4330-b27b-430a96012c21',
      jobTitle: 'Cucitrice a macchina',
      skills: [
        ['http://data.europa.eu/esco/skill/00e895f4-b9d3-4a1a-8c36-baf10fbfb982', 'manufacture wearing apparel products'],
        ['http://data.europa.eu/esco/skill/05c00631-b864-4842-b47e-06710c197c7a', 'coordinate manufacturing production activities'],
        ['http://data.europa.eu/esco/skill/09853c3b-6784-456f-abe9-c9f44bf872bc', 'distinguish accessories'],
        ['http://data.europa.eu/esco/skill/0d207bf2-b0dd-4a36-933f-d2cd3da2933d', 'sew textile-based articles'],
        ['http://data.europa.eu/esco/skill/1fe563ab-47b8-4092-98d6-2ac94952891e', 'embroider fabrics'],
        ['http://data.europa.eu/esco/skill/6d9f05ed-9ada-4604-9670-2df3bb439050', 'distinguish fabrics'],
        ['http://data.europa.eu/esco/skill/7e2f6f05-d6ef-45f3-a33c-5d6d0b07e1cf', 'alter wearing apparel'],
        [
          'http://data.europa.eu/esco/skill/1542d628-9449-455a-bf35-5119b5e6fdf1',
          'manufacture personal protective equipment made of textile',
        ],
        ['http://data.europa.eu/esco/skill/1a160710-2143-496f-9dae-99814e69e65c', 'use textile technique for hand-made products'],
      ],
    },
    {
      uri: 'http://data.europa.eu/esco/occupation/85fdd1cb-98d3-4c40-a868-1078ce770440',
      jobTitle: 'Addetta al controllo qualità dei tessuti',
      skills: [
        ['http://data.europa.eu/esco/skill/09853c3b-6784-456f-abe9-c9f44bf872bc', 'distinguish accessories'],
        ['http://data.europa.eu/esco/skill/31dadcd2-7816-4330-a422-0fc5fb824229', 'control textile process'],
        ['http://data.europa.eu/esco/skill/434e926b-89bb-4720-a5c6-65ddb8e733b5', 'measure yarn count'],
        ['http://data.europa.eu/esco/skill/50ab7296-bc34-4cb1-9fdb-7cf7b6f80f9c', 'maintain work standards'],
        ['http://data.europa.eu/esco/skill/54c9c155-9293-4329-8ed2-2e76e8b519d4', 'define data quality criteria'],
        ['http://data.europa.eu/esco/skill/5d34adde-0b78-42b4-9d3d-69e9388d8398', 'oversee quality control'],
        ['http://data.europa.eu/esco/skill/6af2d621-650e-4954-863f-cb87ee071016', 'test physical properties of textiles'],
        ['http://data.europa.eu/esco/skill/059d0c45-3ad3-440e-a20d-63ecbece9336', 'knitting machine technology'],
        ['http://data.europa.eu/esco/skill/30c6b17a-b6d7-4e67-bd16-5ce87947f9f3', 'dyeing technology'],
      ],
    },
  ],
  '32.50': [
    {
      uri: 'http://data.europa.eu/esco/occupation/24a170fc-be68-43a5-93f1-7a5c31c6062b',
      jobTitle: 'Assemblatore di dispositivi medici',
      skills: [
        ['http://data.europa.eu/esco/skill/07e1799a-82c2-4877-9b43-1499812c5619', 'wear cleanroom suit'],
        ['http://data.europa.eu/esco/skill/08cdc2d8-3b6d-491b-8c0e-f631855c8083', 'test medical devices'],
        ['http://data.europa.eu/esco/skill/2feeef46-05cf-445c-9ca1-c96a30e10106', 'read assembly drawings'],
        ['http://data.europa.eu/esco/skill/36cf8d2c-3463-4147-8ea3-c423280087ab', 'remove defective products'],
        ['http://data.europa.eu/esco/skill/499323d7-8f52-4195-9766-f59e61118574', 'manufacture medical devices'],
        ['http://data.europa.eu/esco/skill/5133ed7b-0785-4c28-825d-1dcf518c4b5b', 'align components'],
        ['http://data.europa.eu/esco/skill/66f088b3-85d5-458e-8c6a-a7d7b678d16d', 'assemble final product'],
        ['http://data.europa.eu/esco/skill/02c71cde-f513-43da-8952-0974763c7568', 'circuit diagrams'],
        ['http://data.europa.eu/esco/skill/2bbdea06-a265-42b5-bb4f-7241b661f069', 'electromechanics'],
      ],
    },
    {
      uri: 'http://data.europa.eu/esco/occupation/61d9270c-491d-438d-8d41-77ba2e0ef023',
      jobTitle: 'Addetto al controllo qualità',
      skills: [
        ['http://data.europa.eu/esco/skill/03b9b491-fc9b-4868-914a-bf7cd47b5041', 'create solutions to problems'],
        ['http://data.europa.eu/esco/skill/0c521914-1ba6-4f92-8fce-b6b97f3f8edb', 'develop calibration procedures'],
        ['http://data.europa.eu/esco/skill/286e486c-a094-4715-8e5b-a2370b09a408', 'manage corrective actions'],
        ['http://data.europa.eu/esco/skill/3edfcb2b-2d0e-4673-87ce-f55c37eb5fca', 'monitor manufacturing quality standards'],
        ['http://data.europa.eu/esco/skill/409a7608-20ac-40b6-a022-5cb74d23799d', 'develop methodologies for supplier evaluation'],
        ['http://data.europa.eu/esco/skill/44e2c4c4-9fd2-42d4-a133-d81360ded4bc', 'manage health and safety standards'],
        ['http://data.europa.eu/esco/skill/58240e34-7364-4078-a530-7a4f51649731', 'identify preventive actions'],
        ['http://data.europa.eu/esco/skill/4339176e-3acd-4f7f-a5d9-445bee3d23f2', 'mathematics'],
        ['http://data.europa.eu/esco/skill/1a3660c2-011c-4e96-9b1d-529afc305428', 'inspect quality of products'],
      ],
    },
    {
      uri: 'http://data.europa.eu/esco/occupation/b0fa69b4-998c-4e66-acd3-5f5d73cadb5c',
      jobTitle: 'Addetto al confezionamento in camera bianca',
      skills: [
        ['http://data.europa.eu/esco/skill/01fec851-b5f4-419b-940a-3b4c835adfa8', 'tend packaging machines'],
        ['http://data.europa.eu/esco/skill/188048ff-18bf-43c4-a1a0-7adb6e68f421', 'monitor machine operations'],
        ['http://data.europa.eu/esco/skill/54bbf5e8-596f-4698-a451-06b3f1339722', 'ensure quality control in packaging'],
        ['http://data.europa.eu/esco/skill/5521fcf8-80fa-489b-af18-a69823b85702', 'clean food and beverage machinery'],
        ['http://data.europa.eu/esco/skill/5ba1d5b9-3f8d-46ca-bf9f-2e9ca65d1350', 'apply HACCP'],
        ['http://data.europa.eu/esco/skill/5d05068e-7ae7-4ff6-8fa3-e35ea03b48b1', 'check quality of products on the production line'],
        ['http://data.europa.eu/esco/skill/6dce7757-c416-4cec-bd2e-9f2319438c48', 'be at ease in unsafe environments'],
        ['http://data.europa.eu/esco/skill/2dbdd054-896a-4167-8f11-e9b9ebcf199d', 'health, safety and hygiene legislation'],
        ['http://data.europa.eu/esco/skill/b4b3b539-81ae-43aa-a540-0e2ea2c7e802', 'food storage'],
      ],
    },
  ],
  '10.13': [
    {
      uri: 'http://data.europa.eu/esco/occupation/7e33b166-4a6d-40f3-8048-83b3a9d3ef49',
      jobTitle: 'Addetto alla lavorazione delle carni',
      skills: [
        ['http://data.europa.eu/esco/skill/06cf28f4-608d-4fb9-94c5-c0698d70ea71', 'maintain cutting equipment'],
        ['http://data.europa.eu/esco/skill/08040bcc-a824-4441-bfd0-738b2de965cf', 'tolerate strong smells'],
        ['http://data.europa.eu/esco/skill/0c944316-12f6-4949-a156-a03dbaae790f', 'ensure sanitation'],
        ['http://data.europa.eu/esco/skill/212dfa1d-c3fb-446c-945a-c0827fcbdadb', 'inspect raw food materials'],
        ['http://data.europa.eu/esco/skill/21d5f9c6-c35d-4c70-bbc5-f32cbd7b2500', 'ensure refrigeration of food in the supply chain'],
        ['http://data.europa.eu/esco/skill/28e8a23b-0db7-45da-83c7-4ec5a236fe00', 'tend meat packaging machine'],
        ['http://data.europa.eu/esco/skill/2f4f78ac-0246-4c59-907d-9fcb46f8fb77', 'mark differences in colours'],
        ['http://data.europa.eu/esco/skill/1289bd81-8daf-4e7c-bb46-6bbfe9141c49', 'legislation about animal origin products'],
        ['http://data.europa.eu/esco/skill/2dbdd054-896a-4167-8f11-e9b9ebcf199d', 'health, safety and hygiene legislation'],
      ],
    },
    {
      uri: 'http://data.europa.eu/esco/occupation/37c7880e-cfee-4c41-a41b-061682fefde3',
      jobTitle: 'Disossatore',
      skills: [
        ['http://data.europa.eu/esco/skill/08040bcc-a824-4441-bfd0-738b2de965cf', 'tolerate strong smells'],
        ['http://data.europa.eu/esco/skill/0c944316-12f6-4949-a156-a03dbaae790f', 'ensure sanitation'],
        ['http://data.europa.eu/esco/skill/1d21f6ad-340f-45da-a0a3-4e83867f47a6', 'provide first aid'],
        ['http://data.europa.eu/esco/skill/21d5f9c6-c35d-4c70-bbc5-f32cbd7b2500', 'ensure refrigeration of food in the supply chain'],
        ['http://data.europa.eu/esco/skill/28e8a23b-0db7-45da-83c7-4ec5a236fe00', 'tend meat packaging machine'],
        ['http://data.europa.eu/esco/skill/2f4f78ac-0246-4c59-907d-9fcb46f8fb77', 'mark differences in colours'],
        ['http://data.europa.eu/esco/skill/44f6a65f-6be7-4818-9a66-73908797283f', 'monitor stock level'],
        ['http://data.europa.eu/esco/skill/c1e6e283-bc66-4e78-b4ec-501ff082d9f1', 'food allergies'],
        ['http://data.europa.eu/esco/skill/0eece926-f1a3-4b65-9b99-a35e4c0eb835', 'care for food aesthetic'],
      ],
    },
    {
      uri: 'http://data.europa.eu/esco/occupation/e3dc66de-99c7-4607-a82b-7244036d316d',
      jobTitle: 'Operatore di linea alimentare',
      skills: [
        ['http://data.europa.eu/esco/skill/0c944316-12f6-4949-a156-a03dbaae790f', 'ensure sanitation'],
        ['http://data.europa.eu/esco/skill/1c8a92d4-18b9-4279-898c-ad89233bb511', 'monitor ingredient storage'],
        ['http://data.europa.eu/esco/skill/21d5f9c6-c35d-4c70-bbc5-f32cbd7b2500', 'ensure refrigeration of food in the supply chain'],
        ['http://data.europa.eu/esco/skill/2562fa92-6ecf-4ba9-831e-0ce94acb8991', 'disassemble equipment'],
        ['http://data.europa.eu/esco/skill/35718973-913e-447b-a968-83e66e6c8872', 'keep inventory of goods in production'],
        ['http://data.europa.eu/esco/skill/5521fcf8-80fa-489b-af18-a69823b85702', 'clean food and beverage machinery'],
        ['http://data.europa.eu/esco/skill/5ba1d5b9-3f8d-46ca-bf9f-2e9ca65d1350', 'apply HACCP'],
        ['http://data.europa.eu/esco/skill/27b86b4c-758e-4749-b242-f6dfde2e74f2', 'food canning production line'],
        ['http://data.europa.eu/esco/skill/2dbdd054-896a-4167-8f11-e9b9ebcf199d', 'health, safety and hygiene legislation'],
      ],
    },
  ],
  '29.32': [
    {
      uri: 'http://data.europa.eu/esco/occupation/78625dd8-257b-483b-bca0-172dd9b02754',
      jobTitle: 'Montatore di componenti auto',
      skills: [
        ['http://data.europa.eu/esco/skill/334e3e49-fb02-4051-809a-f06adfdc1c40', 'troubleshoot'],
        ['http://data.europa.eu/esco/skill/415cb0c2-e169-4f99-ba3e-d1c433b75368', 'assemble electrical components'],
        ['http://data.europa.eu/esco/skill/4ed385bf-3e87-476a-9f06-08c2e801133a', 'assemble electronic units'],
        ['http://data.europa.eu/esco/skill/5133ed7b-0785-4c28-825d-1dcf518c4b5b', 'align components'],
        ['http://data.europa.eu/esco/skill/5bf7f85a-b080-4b27-8ddc-9f62af4643f5', 'use power tools'],
        ['http://data.europa.eu/esco/skill/6122d586-5978-431f-8e7a-96e61fc1f3fc', 'wear appropriate protective gear'],
        ['http://data.europa.eu/esco/skill/68b6ef08-d823-489d-a95c-752ae6f6e6a7', 'read standard blueprints'],
        ['http://data.europa.eu/esco/skill/72a74f69-5cf1-43c5-99b9-62a444578919', 'engineering processes'],
        ['http://data.europa.eu/esco/skill/ba8b530e-8f6f-4667-b734-3358797c0595', 'vehicle type-approval'],
      ],
    },
    {
      uri: 'http://data.europa.eu/esco/occupation/be0e6189-46a5-4b90-8622-2d1988efba1a',
      jobTitle: 'Assemblatore di macchinari',
      skills: [
        ['http://data.europa.eu/esco/skill/3e4cdaee-740c-4754-9135-466362bbd22e', 'maintain industrial equipment'],
        ['http://data.europa.eu/esco/skill/465ff64a-1271-4064-8ed1-e969cb68d8b4', 'perform test run'],
        ['http://data.europa.eu/esco/skill/6ed2fb8d-3580-497f-8a21-30a0ada5caae', 'secure working area'],
        ['http://data.europa.eu/esco/skill/79aa4ec0-399d-432e-aae8-7a390ce89bcc', 'perform maintenance on installed equipment'],
        ['http://data.europa.eu/esco/skill/87a0c0e6-c114-4ea1-b2d0-933bce1f3c5f', 'assemble machines'],
        ['http://data.europa.eu/esco/skill/8a4e99e0-f259-4931-888f-604cfdc15b31', 'perform machine maintenance'],
        ['http://data.europa.eu/esco/skill/94747ff4-603d-47d4-9780-bf53be41e190', 'inspect industrial equipment'],
        ['http://data.europa.eu/esco/skill/035afc40-e8fc-448f-b287-1a973fb5aa93', 'manufacturing of taps and valves'],
        ['http://data.europa.eu/esco/skill/a6f8dabe-476b-433f-9f89-c0f839a9991c', 'manufacturing of pumps and compressors'],
      ],
    },
    {
      uri: 'http://data.europa.eu/esco/occupation/61d9270c-491d-438d-8d41-77ba2e0ef023',
      jobTitle: 'Collaudatore di componenti',
      skills: [
        ['http://data.europa.eu/esco/skill/03b9b491-fc9b-4868-914a-bf7cd47b5041', 'create solutions to problems'],
        ['http://data.europa.eu/esco/skill/0c521914-1ba6-4f92-8fce-b6b97f3f8edb', 'develop calibration procedures'],
        ['http://data.europa.eu/esco/skill/286e486c-a094-4715-8e5b-a2370b09a408', 'manage corrective actions'],
        ['http://data.europa.eu/esco/skill/3edfcb2b-2d0e-4673-87ce-f55c37eb5fca', 'monitor manufacturing quality standards'],
        ['http://data.europa.eu/esco/skill/409a7608-20ac-40b6-a022-5cb74d23799d', 'develop methodologies for supplier evaluation'],
        ['http://data.europa.eu/esco/skill/44e2c4c4-9fd2-42d4-a133-d81360ded4bc', 'manage health and safety standards'],
        ['http://data.europa.eu/esco/skill/58240e34-7364-4078-a530-7a4f51649731', 'identify preventive actions'],
        ['http://data.europa.eu/esco/skill/4339176e-3acd-4f7f-a5d9-445bee3d23f2', 'mathematics'],
        ['http://data.europa.eu/esco/skill/1a3660c2-011c-4e96-9b1d-529afc305428', 'inspect quality of products'],
      ],
    },
  ],
};
