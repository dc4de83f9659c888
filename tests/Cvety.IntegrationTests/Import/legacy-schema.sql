-- The legacy backend's database as SQLModel's create_all made it on PostgreSQL (../shared/reference/legacy-database.md),
-- written by hand for the import tests and the import bench: enum columns hold member NAMES, money is tiyn, times are
-- naive except orderhistory.changed_at, camelCase columns are quoted.
create type orderstatus as enum ('NEW', 'PAID', 'ACCEPTED', 'ASSEMBLED', 'IN_DELIVERY', 'DELIVERED', 'CANCELLED');
create type producttype as enum ('FLOWERS', 'SWEETS', 'FRUITS', 'GIFTS', 'VITRINA', 'CATALOG');
create type userrole as enum ('SUPERADMIN', 'ADMIN', 'DIRECTOR', 'MANAGER', 'FLORIST', 'COURIER');
create type invitationstatus as enum ('PENDING', 'ACCEPTED', 'EXPIRED');
create type warehouseoperationtype as enum ('DELIVERY', 'SALE', 'WRITEOFF', 'PRICE_CHANGE', 'INVENTORY');
create type city as enum ('Almaty', 'Astana');

create table "user" (
    id serial primary key, name varchar(100) not null, phone varchar(20) not null unique, role userrole not null,
    is_active bool not null default true, is_superadmin bool not null default false, invited_by int null references "user"(id),
    shop_id int null, password_hash varchar(255) not null, created_at timestamp default now(), updated_at timestamp default now());

create table shop (
    id serial primary key, name varchar(200) not null, owner_id int not null unique references "user"(id), phone varchar(20),
    address varchar(500), city city null, weekday_start varchar not null default '09:00', weekday_end varchar not null default '18:00',
    weekday_closed bool not null default false, weekend_start varchar not null default '10:00', weekend_end varchar not null default '17:00',
    weekend_closed bool not null default false, delivery_cost int not null default 150000, free_delivery_amount int not null default 1000000,
    pickup_available bool not null default true, delivery_available bool not null default true, is_active bool not null default true,
    created_at timestamp default now(), updated_at timestamp default now());
alter table "user" add foreign key (shop_id) references shop(id);

create table teaminvitation (
    id serial primary key, phone varchar(20) not null, name varchar(100) not null, role userrole not null, invited_by int not null references "user"(id),
    status invitationstatus not null default 'PENDING', invitation_code varchar(6) not null, expires_at timestamp not null,
    created_at timestamp default now(), updated_at timestamp default now());

create table client (
    id serial primary key, phone varchar(20) not null, "customerName" varchar(200), notes varchar(2000), shop_id int references shop(id),
    telegram_user_id varchar(50), telegram_username varchar(100), telegram_first_name varchar(100),
    created_at timestamp default now(), updated_at timestamp default now());
create unique index idx_client_phone_shop on client(phone, shop_id);

create table client_profile (
    id serial primary key, client_id int not null references client(id) on delete cascade, shop_id int not null references shop(id) on delete cascade,
    avg_order_total int, min_order_total int, max_order_total int, total_orders_count int not null default 0, frequent_recipients text,
    allow_personalization bool not null default true, last_order_at timestamp, created_at timestamp default now(), updated_at timestamp default now());

create table product (
    id serial primary key, name varchar(200) not null, price int not null, type producttype not null default 'FLOWERS', description varchar(1000),
    "manufacturingTime" int, width int, height int, "shelfLife" int, enabled bool not null default true, is_featured bool not null default false,
    colors json, occasions json, cities json, tags json, image varchar(500), shop_id int references shop(id),
    created_at timestamp default now(), updated_at timestamp default now(), manufacturing_time int default 2);

create table productimage (id serial primary key, product_id int not null references product(id), url varchar(500) not null, "order" int not null default 0,
    is_primary bool not null default false, created_at timestamp default now());

create table warehouseitem (
    id serial primary key, name varchar(200) not null, quantity int not null default 0, cost_price int not null, retail_price int not null,
    image varchar(500), last_delivery_date timestamp, min_quantity int default 10, shop_id int references shop(id),
    created_at timestamp default now(), updated_at timestamp default now());

create table productrecipe (id serial primary key, product_id int not null references product(id), warehouse_item_id int not null references warehouseitem(id),
    quantity int not null, is_optional bool not null default false, created_at timestamp default now(), updated_at timestamp default now());

create table "order" (
    id serial primary key, shop_id int references shop(id), tracking_id varchar(9) not null unique, "orderNumber" varchar(20) not null unique,
    "customerName" varchar(100) not null, phone varchar(20) not null, customer_email varchar(255), delivery_address varchar(500),
    delivery_date timestamp null, delivery_notes varchar(500), subtotal int not null, delivery_cost int not null default 0, total int not null,
    status orderstatus not null default 'NEW', notes varchar(1000), telegram_user_id varchar(50), bitrix_order_id int null,
    recipient_name varchar(100), recipient_phone varchar(20), sender_phone varchar(20), pickup_address varchar(500), delivery_type varchar(50),
    scheduled_time varchar(100), payment_method varchar(50), order_comment varchar(1000), bonus_points int default 0,
    kaspi_payment_id varchar(50), kaspi_payment_status varchar(20), kaspi_payment_created_at timestamp, kaspi_payment_completed_at timestamp,
    ask_delivery_address bool not null default false, ask_delivery_time bool not null default false,
    assigned_to_id int references "user"(id), courier_id int references "user"(id), assigned_by_id int references "user"(id), assigned_at timestamp,
    created_at timestamp default now(), updated_at timestamp default now());

create table orderitem (id serial primary key, order_id int not null references "order"(id), product_id int not null, product_name varchar(200) not null,
    product_price int not null, quantity int not null default 1, item_total int not null, special_requests varchar(500),
    created_at timestamp default now(), updated_at timestamp default now());

create table orderphoto (id serial primary key, order_id int not null references "order"(id), photo_url varchar(500) not null, photo_type varchar(50) not null,
    label varchar(200), client_feedback varchar(20), client_comment varchar(1000), feedback_at timestamp, uploaded_at timestamp default now());

create table orderhistory (id serial primary key, order_id int not null references "order"(id), changed_by varchar(20) not null, field_name varchar(100) not null,
    old_value varchar(1000), new_value varchar(1000), changed_at timestamptz default now());

create table ordercounter (id int primary key, counter int not null default 0, last_updated timestamp default now());

create table orderreservation (id serial primary key, order_id int not null references "order"(id), warehouse_item_id int not null references warehouseitem(id),
    reserved_quantity int not null, created_at timestamp default now());

create table warehouseoperation (id serial primary key, warehouse_item_id int not null references warehouseitem(id), operation_type warehouseoperationtype not null,
    quantity_change int not null, balance_after int not null, description varchar(500) not null, old_value int, new_value int,
    order_id int references "order"(id), user_id int references "user"(id), created_at timestamp default now());

create table inventorycheck (id serial primary key, conducted_by varchar(100) not null, comment varchar(500), status varchar not null default 'pending',
    applied_at timestamp, shop_id int references shop(id), created_at timestamp default now());

create table inventorycheckitem (id serial primary key, inventory_check_id int not null references inventorycheck(id), warehouse_item_id int not null references warehouseitem(id),
    warehouse_item_name varchar(200) not null, current_quantity int not null, actual_quantity int not null, difference int not null, created_at timestamp default now());

create table pickuplocation (id serial primary key, city city, address varchar(300) not null, landmark varchar(200), enabled bool not null default true,
    display_order int not null default 0, shop_id int references shop(id), created_at timestamp default now(), updated_at timestamp default now());

create table productreview (id serial primary key, product_id int not null references product(id), author_name varchar(100) not null, rating int not null,
    text varchar(2000) not null, likes int not null default 0, dislikes int not null default 0, created_at timestamp default now());

create table reviewphoto (id serial primary key, review_id int not null references productreview(id), url varchar(500) not null, "order" int not null default 0,
    created_at timestamp default now());

create table companyreview (id serial primary key, author_name varchar(100) not null, rating int not null, text varchar(2000) not null,
    likes int not null default 0, dislikes int not null default 0, shop_id int references shop(id), created_at timestamp default now());

create table faq (id serial primary key, question varchar(500) not null, answer varchar(2000) not null, category varchar(50) default 'general',
    display_order int not null default 0, enabled bool not null default true, shop_id int references shop(id),
    created_at timestamp default now(), updated_at timestamp default now());

create table staticpage (id serial primary key, slug varchar(100) not null, title varchar(200) not null, content varchar not null, meta_description varchar(300),
    enabled bool not null default true, shop_id int references shop(id), created_at timestamp default now(), updated_at timestamp default now());
create unique index idx_staticpage_slug_shop on staticpage(slug, shop_id);
